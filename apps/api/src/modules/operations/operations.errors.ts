/**
 * An operator's command could not do what was asked; the message says what and what to do. The
 * CLI prints it and exits 1. (Not an AppError: these commands answer people at a terminal, not
 * HTTP clients.)
 */
export class OperationFailed extends Error {
  override readonly name = 'OperationFailed';
}
