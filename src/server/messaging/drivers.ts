// The driver SMS_DRIVER names, built from its checked settings.
import { logDriver } from './log-driver.js';
import type { SmsDriver } from './sms-driver.js';
import type { SmsDriverConfig } from './sms-driver-config.js';

export function smsDriverFor(config: SmsDriverConfig, log: (fields: Record<string, unknown>, msg: string) => void): SmsDriver {
  switch (config.driver) {
    case 'log':
      return logDriver(log);
  }
}
