// The driver SMS_DRIVER names, built from its checked settings. Building one does no I/O: the
// first call to the gateway is the first message.
import { aliyunDriver } from './aliyun-driver.js';
import { httpDriver } from './http-driver.js';
import { logDriver } from './log-driver.js';
import type { SmsDriver } from './sms-driver.js';
import type { SmsDriverConfig } from './sms-driver-config.js';
import { tencentDriver } from './tencent-driver.js';

export function smsDriverFor(config: SmsDriverConfig, log: (fields: Record<string, unknown>, msg: string) => void): SmsDriver {
  switch (config.driver) {
    case 'log':
      return logDriver(log);
    case 'http':
      return httpDriver(config);
    case 'aliyun':
      return aliyunDriver(config);
    case 'tencent':
      return tencentDriver(config);
  }
}
