/** Every socket joins the room of the sign-in session (refresh token family) it was opened with, so ending that session can close them. */
export const sessionRoom = (sessionId: string): string => `session:${sessionId}`;
