/**
 * Work that need not be drawn with the comments it is about, moved out of the
 * page's frame (issue 14, tenth round): the watcher's batch runs in the
 * animation frame that draws the page's new comments, and everything in that
 * callback lengthens the frame's task. A task posted from the callback runs
 * after the frame (its style, layout and paint are in the same task), as a
 * task of its own.
 *
 * A `MessageChannel` rather than `setTimeout(0)`: no timer clamping and no
 * timer queue, and one message covers everything posted before it runs.
 */
export interface TaskPoster {
  /** Runs `work` in a later task, after whatever posted it; in the order posted. */
  post(work: () => void): void;
  /** Drops what is still waiting; nothing posted runs after this. */
  close(): void;
}

export function createTaskPoster(): TaskPoster {
  let waiting: (() => void)[] = [];
  let closed = false;
  let channel: MessageChannel | null = null;
  const run = () => {
    const due = waiting;
    waiting = [];
    for (const work of due) {
      if (closed) return;
      work();
    }
  };
  return {
    post(work) {
      if (closed) return;
      waiting.push(work);
      if (waiting.length > 1) return;
      if (!channel) {
        channel = new MessageChannel();
        channel.port1.onmessage = run;
      }
      channel.port2.postMessage(null);
    },
    close() {
      closed = true;
      waiting = [];
      channel?.port1.close();
      channel = null;
    },
  };
}
