// The board's voice: a two-tone chime made with WebAudio (no audio files), then the sentence in
// Mandarin by the browser's speech synthesis. Browsers keep audio off until someone touches the
// page, so the board asks once; announcements made while sound is off are dropped, not saved up.
import { AnnouncementQueue } from './announcement-queue.js';

const CHIME: ReadonlyArray<readonly [frequency: number, at: number]> = [
  [880, 0],
  [659.25, 0.35],
];
const CHIME_MS = 1_000;
const GAP_MS = 600;
export const UNLOCK_SENTENCE = '语音播报已开启';

type AudioContextCtor = typeof AudioContext;

function audioContextCtor(): AudioContextCtor | null {
  const w = window as unknown as { AudioContext?: AudioContextCtor; webkitAudioContext?: AudioContextCtor };
  return w.AudioContext ?? w.webkitAudioContext ?? null;
}

const wait = (ms: number) => new Promise<void>((resolve) => window.setTimeout(resolve, ms));

export class Announcer {
  private context: AudioContext | null = null;
  private readonly queue = new AnnouncementQueue<string>((text) => this.play(text));
  soundOn = false;

  /** `chime`: the two tones before each sentence (the board's calls); the kiosk's steps go without. */
  constructor(private readonly opts: { chime: boolean } = { chime: true }) {}

  /** Whether sound already works without a touch (a kiosk-mode browser that allows autoplay). */
  probe(): boolean {
    const Ctor = audioContextCtor();
    if (!Ctor) return false;
    try {
      this.context ??= new Ctor();
    } catch {
      return false;
    }
    this.soundOn = this.context.state === 'running';
    return this.soundOn;
  }

  /** Call from a user gesture: starts the audio context and the speech engine. */
  async unlock(): Promise<void> {
    const Ctor = audioContextCtor();
    if (Ctor) {
      try {
        this.context ??= new Ctor();
        await this.context.resume();
      } catch {
        // No sound card: the voice may still work.
      }
    }
    this.soundOn = true;
    this.say(UNLOCK_SENTENCE);
  }

  say(text: string): void {
    if (this.soundOn) this.queue.push(text);
  }

  /** Says this now: what was still to be said is dropped, and a sentence being said is cut short. */
  sayInstead(text: string): void {
    if (!this.soundOn) return;
    this.queue.clear();
    (window.speechSynthesis as SpeechSynthesis | undefined)?.cancel();
    this.queue.push(text);
  }

  private async play(text: string): Promise<void> {
    if (this.opts.chime) await this.chime();
    await this.speak(text);
    await wait(GAP_MS);
  }

  private async chime(): Promise<void> {
    const ctx = this.context;
    if (ctx?.state !== 'running') return;
    const t0 = ctx.currentTime;
    for (const [frequency, at] of CHIME) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, t0 + at);
      gain.gain.exponentialRampToValueAtTime(0.35, t0 + at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + at + 0.6);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0 + at);
      osc.stop(t0 + at + 0.65);
    }
    await wait(CHIME_MS);
  }

  private speak(text: string): Promise<void> {
    const synth = window.speechSynthesis as SpeechSynthesis | undefined;
    if (!synth || typeof SpeechSynthesisUtterance !== 'function') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = 'zh-CN';
      utterance.rate = 0.9;
      const voices = synth.getVoices();
      const voice =
        voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'zh-cn') ?? voices.find((v) => v.lang.toLowerCase().startsWith('zh'));
      if (voice) utterance.voice = voice;
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        window.clearTimeout(guard);
        resolve();
      };
      // Some engines never fire `end` (no voice installed): do not hold the queue forever.
      const guard = window.setTimeout(finish, Math.max(6_000, text.length * 450));
      utterance.onend = finish;
      utterance.onerror = finish;
      synth.speak(utterance);
    });
  }
}
