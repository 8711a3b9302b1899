import type { StreamEntry } from './generation-events';
import type { MediaPart } from './generation.schemas';

export interface AssembledStream {
  text: string;
  lastSeq: number;
  ended: StreamEntry | null;
  /** The latest notice, until text arrives or the stream ends. */
  notice: string | null;
  /** Media parts ready so far (picture and narration steps), by index. */
  media: MediaPart[];
}

/**
 * Applies stream entries in `seq` order exactly once, whatever order or
 * repetition they arrive in (a replay and the live stream can overlap).
 * Entries ahead of a gap wait until the gap is filled.
 */
export class StreamAssembler {
  private text = '';
  private lastSeq: number;
  private ended: StreamEntry | null = null;
  private notice: string | null = null;
  private media: MediaPart[] = [];
  private readonly pending = new Map<number, StreamEntry>();

  constructor(initial: { text?: string; lastSeq?: number } = {}) {
    this.text = initial.text ?? '';
    this.lastSeq = initial.lastSeq ?? 0;
  }

  /** Returns true when the visible state changed. */
  push(entry: StreamEntry): boolean {
    if (entry.seq <= this.lastSeq || this.pending.has(entry.seq)) return false;
    this.pending.set(entry.seq, entry);
    let changed = false;
    for (let next = this.pending.get(this.lastSeq + 1); next; next = this.pending.get(this.lastSeq + 1)) {
      this.pending.delete(next.seq);
      this.apply(next);
      changed = true;
    }
    return changed;
  }

  state(): AssembledStream {
    return { text: this.text, lastSeq: this.lastSeq, ended: this.ended, notice: this.notice, media: this.media };
  }

  private apply(entry: StreamEntry): void {
    this.lastSeq = entry.seq;
    if (entry.type === 'notice') {
      this.notice = entry.message;
      return;
    }
    this.notice = null;
    if (entry.type === 'delta') this.text += entry.text;
    else if (entry.type === 'media') this.media = [...this.media.filter((part) => part.index !== entry.part.index), entry.part].sort((a, b) => a.index - b.index);
    else if (entry.type === 'reset') {
      this.text = '';
      this.media = [];
    } else this.ended = entry;
  }
}
