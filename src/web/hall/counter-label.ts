// How a counter is named on the screens: '3 号窗口' / 'Counter 3', plus its own name when it says more.

/** The counter as the board shows it: '3 号窗口' / 'Counter 3', and the counter's own name when it says more. */
export function counterLabel(call: { counterNumber: number; counterName: string }, lang: 'zh' | 'en'): { main: string; name: string | null } {
  const main = lang === 'zh' ? `${call.counterNumber} 号窗口` : `Counter ${call.counterNumber}`;
  const plain = call.counterName.replace(/\s+/g, '');
  const isDefault = plain === `${call.counterNumber}号窗口` || plain.toLowerCase() === `counter${call.counterNumber}`;
  return { main, name: isDefault || !plain ? null : call.counterName };
}
