// English for text messages on the citizen screens. Same keys and placeholders as zh-messages.ts.
import type { zhMessages } from './zh-messages.js';

export const enMessages: Record<keyof typeof zhMessages, string> = {
  'sms.optIn': 'Get text messages (booking confirmation, reminders the day before and 1 hour before, when you are about to be called)',
  'sms.optInNote':
    'Your phone number is kept encrypted only to send these messages, and erased 30 days after the day of the booking. You can book and check in without them.',
  'sms.confirmOn': 'Text messages are on: the confirmation, reminders the day before and 1 hour before, and calls go to {phone}.',
  'sms.confirmOff': 'You chose not to get text messages. You can switch them on in My bookings at any time.',
  'sms.switch': 'Text reminders',
  'sms.switchOn': 'On',
  'sms.switchOff': 'Off',
  'sms.switchSaving': 'Saving…',
  'sms.switchFailed': 'Could not change text reminders; they stay as they were: {reason}',
  'sms.forgetPhone': 'Also erase the phone number kept for text messages (you will not get a cancellation message)',
};
