// The Chinese texts of the screens after the booking page's first one (zh-later.ts), added to the
// dictionary when imported: by those screens' modules and by the other front ends' entries, so a
// screen has its texts before it renders. English has them already (english.ts brings all of it).
import { addMessages } from './translate.js';
import { zhLater } from './zh-later.js';

addMessages({ zh: zhLater });
