// What the kiosk says in 长辈版: the step's title, the numbers just issued (spelled out, as the board
// calls them), a refusal, and the step's help line, as one Mandarin sentence.
import { spellOut } from '../voice/spell-out.js';

export interface KioskScreenText {
  title: string;
  callNumbers: readonly string[];
  alert: string;
  lead: string;
}

export function kioskSpeech(screen: KioskScreenText): string {
  const parts = [screen.title.trim()];
  for (const n of screen.callNumbers) if (n.trim()) parts.push(`您的号码是 ${spellOut(n.trim())} 号`);
  if (screen.alert.trim()) parts.push(screen.alert.trim());
  if (screen.lead.trim()) parts.push(screen.lead.trim());
  return parts.filter((p) => p !== '').join('。');
}
