// How the 今日 screen words the server's own backups (BACKUP_DIR): sizes and the interval.

/** 184320 -> '180 KB'; 1.5 GB and so on (binary units, one decimal under 10). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let n = bytes;
  let unit = 0;
  while (n >= 1024 && unit < units.length - 1) {
    n /= 1024;
    unit++;
  }
  const shown = unit === 0 || n >= 10 ? String(Math.round(n)) : n.toFixed(1);
  return `${shown} ${units[unit]}`;
}

/** 86400 -> '24h', 5400 -> '1h30m', 90 -> '1m30s' (as BACKUP_EVERY is written). */
export function formatEvery(seconds: number): string {
  const parts: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    // Whole days read better as hours up to two days (BACKUP_EVERY=24h is the usual setting).
    if (unit === 'd' && rest <= 172_800) continue;
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
  }
  return parts.join('') || '0s';
}
