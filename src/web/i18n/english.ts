// The English texts every front end has (en.ts), added to the dictionaries when imported. A chunk
// of its own: a phone opening the booking page in Chinese (the default) does not download them;
// loadLang('en') fetches it when English is chosen, and tests that read English import it.
import { en } from './en.js';
import { addMessages } from './translate.js';

addMessages({ en });
