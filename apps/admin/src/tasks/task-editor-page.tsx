import { PageHeader } from '../components/page-header.js';

// Route skeleton so parallel work can link here; replaced by the real screen.
export function NewTaskPage() {
  return <PageHeader title="Task" />;
}

export function EditTaskPage() {
  return <PageHeader title="Task" />;
}
