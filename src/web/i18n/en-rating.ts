// English for 好差评 (ratings): the same keys as zh-rating.ts.
import type { zhRating } from './zh-rating.js';

export const enRating: Record<keyof typeof zhRating, string> = {
  'rate.level.very_satisfied': 'Very satisfied',
  'rate.level.satisfied': 'Satisfied',
  'rate.level.basic': 'Fairly satisfied',
  'rate.level.dissatisfied': 'Dissatisfied',
  'rate.level.very_dissatisfied': 'Very dissatisfied',
  'rate.reason.efficiency': 'Speed of service',
  'rate.reason.skill': 'Competence',
  'rate.reason.attitude': 'Attitude',
  'rate.reason.overall': 'Overall',
  'rate.channel.evaluator': 'Counter rating pad',
  'rate.channel.web': 'QR code',
  'rate.channel.message': 'Text invitation',
  'admin.dev.kind.evaluator': 'Rating pad (评价器)',
};
