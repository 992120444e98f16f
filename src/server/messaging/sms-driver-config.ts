// SMS_DRIVER and the settings of each gateway, checked at start with clear messages.
export type SmsDriverConfig = { driver: 'log' };

export const SMS_DRIVERS = ['log'] as const;

export function smsDriverConfigFromEnv(env: NodeJS.ProcessEnv, problems: string[]): SmsDriverConfig {
  const driver = (env.SMS_DRIVER ?? 'log').trim() || 'log';
  if (driver !== 'log') problems.push(`SMS_DRIVER must be one of ${SMS_DRIVERS.join(', ')} (got "${driver}")`);
  return { driver: 'log' };
}
