/** The server's minimum (see SignUpBody.owner.password); checked here too so the form says it first. */
export const MIN_PASSWORD_LENGTH = 10;
