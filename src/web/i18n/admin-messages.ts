// The admin console's texts (zh-admin.ts, en-admin.ts), added to the dictionaries when imported:
// by the console's entry and by the admin modules that translate outside React. Kept out of the
// other front ends' downloads (about half of all the texts).
import { enAdmin } from './en-admin.js';
import { enAdminPriority } from './en-admin-priority.js';
import { enAdminRatings } from './en-admin-ratings.js';
import { addMessages } from './translate.js';
import { zhAdmin } from './zh-admin.js';
import { zhAdminPriority } from './zh-admin-priority.js';
import { zhAdminRatings } from './zh-admin-ratings.js';

addMessages({ zh: { ...zhAdmin, ...zhAdminRatings, ...zhAdminPriority }, en: { ...enAdmin, ...enAdminRatings, ...enAdminPriority } });
