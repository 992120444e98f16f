// English for text messages on the citizen screens. Same keys and placeholders as zh-messages.ts.
import type { zhMessages } from './zh-messages.js';

export const enMessages: Record<keyof typeof zhMessages, string> = {
  'sms.optIn': 'Get text messages (booking confirmation, reminders the day before and 1 hour before, when you are about to be called)',
  'sms.optInNote':
    'Your phone number is kept encrypted only to send these messages, and erased {days} days after the day of the booking. You can book and check in without them.',
  'sms.confirmOn': 'Text messages are on: the confirmation, reminders the day before and 1 hour before, and calls go to {phone}.',
  'sms.confirmOff': 'You chose not to get text messages. You can switch them on in My bookings at any time.',
  'sms.switch': 'Text reminders',
  'sms.switchOn': 'On',
  'sms.switchOff': 'Off',
  'sms.switchSaving': 'Saving…',
  'sms.switchFailed': 'Could not change text reminders; they stay as they were: {reason}',
  'sms.forgetPhone': 'Also erase the phone number kept for text messages (you will not get a cancellation message)',
  'sms.code': 'Text-message code',
  'sms.codeGet': 'Get a code',
  'sms.codeAgain': 'Send again',
  'sms.codeWait': 'Send again in {n} s',
  'sms.codeSending': 'Sending…',
  'sms.codeSent': 'A code was sent to {phone}; it is valid for {minutes} minutes',
  'sms.codeHint': 'Tap “Get a code” and we text a 6-digit code to the phone number above',
  'sms.codeHintCancel': 'Prove the phone before cancelling: the code goes to {phone}',
  'sms.codeEmpty': 'Enter the text-message code (tap “Get a code” if none came)',
  'sms.codeFormat': 'The code is 6 digits',
};
