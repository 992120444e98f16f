// SMS_DRIVER=log (the default): nothing leaves the server; the message is written to the log with
// the number masked, so `npm start` works with nothing configured and a developer sees what a
// citizen would get.
import { maskPhone } from '../../domain/phone.js';
import type { OutgoingSms, SmsDriver } from './sms-driver.js';

export function logDriver(log: (fields: Record<string, unknown>, msg: string) => void): SmsDriver {
  return {
    name: 'log',
    async send(sms: OutgoingSms) {
      log({ notification: sms.id, kind: sms.kind, to: maskPhone(sms.to), text: sms.text }, 'sms (log driver)');
      return { gatewayId: `log-${sms.id}` };
    },
  };
}
