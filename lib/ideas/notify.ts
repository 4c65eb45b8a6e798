/**
 * Tells every open extension page that the idea log changed (the background
 * saved an idea, another sidebar imported a file). A BroadcastChannel reaches
 * all same-origin contexts — sidebar, options page, service worker — without
 * going through runtime messaging. The sender itself does not receive it.
 */
export const IDEAS_CHANNEL = 'khcn-ideas';

export interface IdeasChangedMessage {
  type: 'changed';
  /**
   * The one idea the background just saved from the page, when that is the
   * change: the sidebar adds it to its similar-ideas index (no rebuild) and
   * looks for similar ones. Absent for any other change.
   */
  saved?: { id: string; created: boolean };
  /** Many ideas' texts came or went at once (an import, a restore): the similar index is rebuilt when next needed. */
  texts?: true;
}

export function notifyIdeasChanged(detail: Omit<IdeasChangedMessage, 'type'> = {}): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(IDEAS_CHANNEL);
  channel.postMessage({ type: 'changed', ...detail } satisfies IdeasChangedMessage);
  channel.close();
}

/** Calls `listener` on each change; returns the function that stops listening. */
export function onIdeasChanged(listener: (message: IdeasChangedMessage) => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(IDEAS_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    const data = event.data as Partial<IdeasChangedMessage> | null;
    if (data?.type !== 'changed') return;
    const saved = data.saved;
    const valid = saved && typeof saved.id === 'string' && typeof saved.created === 'boolean';
    listener({
      type: 'changed',
      ...(valid ? { saved: { id: saved.id, created: saved.created } } : {}),
      ...(data.texts === true ? { texts: true } : {}),
    });
  };
  return () => channel.close();
}
