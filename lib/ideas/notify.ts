/**
 * Tells every open extension page that the idea log changed (the background
 * saved an idea, another sidebar imported a file). A BroadcastChannel reaches
 * all same-origin contexts — sidebar, options page, service worker — without
 * going through runtime messaging. The sender itself does not receive it.
 */
export const IDEAS_CHANNEL = 'khcn-ideas';

export interface IdeasChangedMessage {
  type: 'changed';
}

export function notifyIdeasChanged(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(IDEAS_CHANNEL);
  channel.postMessage({ type: 'changed' } satisfies IdeasChangedMessage);
  channel.close();
}

/** Calls `listener` on each change; returns the function that stops listening. */
export function onIdeasChanged(listener: () => void): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(IDEAS_CHANNEL);
  channel.onmessage = (event: MessageEvent) => {
    if ((event.data as Partial<IdeasChangedMessage> | null)?.type === 'changed') listener();
  };
  return () => channel.close();
}
