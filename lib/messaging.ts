import { browser } from 'wxt/browser';
import { type Answer, Answers, Message, type MessageOf, type MessageType } from './messages';

/**
 * The typed side of `lib/messages.ts`: every message is sent and received
 * through these three functions, so a request's answer has one type on both
 * ends and is parsed where it arrives. (A small wrapper rather than
 * @webext-core/messaging: the zod schemas already are the protocol, and it
 * adds no dependency to the bundles.)
 */

/** The answer parsed against the protocol; null when none came or it is not of the protocol's shape. */
function parseAnswer<T extends MessageType>(type: T, answer: unknown): Answer<T> | null {
  const parsed = Answers[type].safeParse(answer);
  return parsed.success ? (parsed.data as Answer<T>) : null;
}

/**
 * Sends to the extension's own pages and background. Rejects when the send
 * fails (no receiver, the extension reloaded under a content script).
 */
export async function sendMessage<M extends Message>(message: M): Promise<Answer<M['type']> | null> {
  return parseAnswer<M['type']>(message.type, await browser.runtime.sendMessage(message));
}

/**
 * `sendMessage` with a deadline: null when the answer does not come within
 * `timeoutMs`, when the send fails, or when the answer is not of the
 * protocol's shape — for a caller that has something else to do then (the
 * page judging its comments itself when the background is silent).
 */
export async function sendMessageWithin<M extends Message>(
  message: M,
  timeoutMs: number,
): Promise<Answer<M['type']> | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    return await Promise.race([sendMessage(message), late]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Sends to the content script of a tab. Rejects when that tab has none. */
export async function sendToTab<M extends Message>(
  tabId: number,
  message: M,
): Promise<Answer<M['type']> | null> {
  return parseAnswer<M['type']>(message.type, await browser.tabs.sendMessage(tabId, message));
}

export interface MessageSender {
  tab?: { id?: number };
}

/**
 * A handler per message type: the parsed message in, its answer out. A
 * handler that returns undefined leaves the message unanswered (a push, or
 * nothing to do here).
 */
export type MessageHandlers = {
  [T in MessageType]?: (
    message: MessageOf<T>,
    sender: MessageSender,
  ) => Answer<T> | Promise<Answer<T>> | undefined;
};

/**
 * Answers the messages `handlers` name, each parsed with its schema first;
 * the rest are left to other listeners. Answers go through `sendResponse` +
 * `return true`, the form Chrome and Firefox both accept. A handler that
 * fails answers null. `active`
 * false (say, the content script's context is gone) ignores everything.
 * Returns the function that stops listening.
 */
export function onMessages(handlers: MessageHandlers, active: () => boolean = () => true): () => void {
  const listener = (raw: unknown, sender: MessageSender, sendResponse?: (answer: unknown) => void) => {
    if (!active()) return undefined;
    const type = (raw as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    const parsed = Message.safeParse(raw);
    if (!parsed.success) return undefined;
    const handler = handlers[parsed.data.type] as
      | ((message: Message, sender: MessageSender) => unknown | Promise<unknown>)
      | undefined;
    const answer = handler?.(parsed.data, sender);
    if (answer === undefined) return undefined;
    const answered = Promise.resolve(answer).catch(() => null);
    // The browsers get sendResponse; WXT's fake browser passes none and takes the returned Promise.
    if (typeof sendResponse !== 'function') return answered;
    void answered.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
