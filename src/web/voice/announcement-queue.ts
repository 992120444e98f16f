// One voice at a time: sentences are played in order, none cut short by the next (the display
// board's calls, the kiosk's spoken steps in 长辈版).
/** Plays items one after another; a new item waits for the one being played. A failed play does not stop the queue. */
export class AnnouncementQueue<T> {
  private readonly items: T[] = [];
  private playing = false;

  constructor(private readonly play: (item: T) => Promise<void>) {}

  push(item: T): void {
    this.items.push(item);
    if (!this.playing) void this.drain();
  }

  /** Drops the items still waiting (the one playing finishes or is stopped by its player). */
  clear(): void {
    this.items.length = 0;
  }

  /** Items waiting behind the one playing. */
  get waiting(): number {
    return this.items.length;
  }

  get busy(): boolean {
    return this.playing;
  }

  private async drain(): Promise<void> {
    this.playing = true;
    for (let item = this.items.shift(); item !== undefined; item = this.items.shift()) {
      try {
        await this.play(item);
      } catch {
        // A voice that failed once may work for the next call.
      }
    }
    this.playing = false;
  }
}
