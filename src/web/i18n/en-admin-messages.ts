// English for the console's text-message log. Same keys and placeholders as zh-admin-messages.ts.
import type { zhAdminMessages } from './zh-admin-messages.js';

export const enAdminMessages: Record<keyof typeof zhAdminMessages, string> = {
  'admin.tab.messages': 'Messages',
  'admin.tabHint.messages': 'Text messages sent, resend',

  'admin.msg.lead': "Text messages to citizens about this hall's bookings and tickets, newest first. Phone numbers are masked.",
  'admin.msg.counts': 'By status',
  'admin.msg.filter': 'Status',
  'admin.msg.all': 'All',
  'admin.msg.at': 'Time',
  'admin.msg.kind': 'Kind',
  'admin.msg.number': 'Number',
  'admin.msg.phone': 'Phone',
  'admin.msg.status': 'Status',
  'admin.msg.attempts': 'Attempts',
  'admin.msg.gatewayId': 'Gateway id',
  'admin.msg.error': 'Error',
  'admin.msg.duplicate': 'May have gone out twice',
  'admin.msg.duplicateHint':
    'Marked sent after {n} attempts: a sender may have stopped after the gateway took it, so the citizen may have had it twice.',
  'admin.msg.due': 'Due {time}',
  'admin.msg.sentAt': 'Sent {time}',
  'admin.msg.none': 'No text messages yet.',
  'admin.msg.noneFiltered': 'No text messages with this status.',
  'admin.msg.more': 'Load older',
  'admin.msg.end': 'All {n} shown',
  'admin.msg.resend': 'Resend',
  'admin.msg.resendTitle': 'Send this message again?',
  'admin.msg.resendQuestion':
    '{kind}, number {number}, to {phone}. It failed with: {error}. Make sure the cause (the gateway settings, the number) has been put right.',
  'admin.msg.resendConfirm': 'Resend',
  'admin.msg.resending': 'Resending…',
  'admin.msg.resent': 'The message is queued to be sent again.',

  'admin.msg.status.queued': 'Queued',
  'admin.msg.status.sending': 'Sending',
  'admin.msg.status.sent': 'Sent',
  'admin.msg.status.failed': 'Failed',
  'admin.msg.status.skipped': 'Skipped',

  'admin.msg.kind.confirmed': 'Booking confirmed',
  'admin.msg.kind.reminderDay': 'Reminder the day before',
  'admin.msg.kind.reminderHour': 'Reminder 1 hour before',
  'admin.msg.kind.cancelled': 'Booking cancelled',
  'admin.msg.kind.hallClosed': 'Hall closed',
  'admin.msg.kind.soon': 'Turn coming soon',
  'admin.msg.kind.called': 'Called to a counter',
  'admin.msg.kind.passed': 'Number passed',
  'admin.msg.kind.code': 'Verification code',
  'admin.msg.kind.waitlistOffer': 'Waiting-list offer',
  'admin.msg.kind.ratingInvite': 'Rating invitation',

  'admin.audit.a.notificationResend': 'Resend text message',
};
