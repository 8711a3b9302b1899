/** Chats started in this tab and not loaded from the server: nothing to load until their first message. A reload forgets them, and then loads. */
export const freshChats = new Set<string>();

/** A new chat's id, remembered as fresh. */
export function newChatId(): string {
  const id = crypto.randomUUID();
  freshChats.add(id);
  return id;
}

