import { PageHeader } from '../components/page-header.js';

// Route skeleton so parallel work can link here; replaced by the real screen.
export function IssuesPage() {
  return <PageHeader title="Issues" />;
}
