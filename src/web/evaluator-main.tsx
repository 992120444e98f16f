// The counter's 评价器 front end (evaluator.html, /evaluator): the rating pad a citizen touches after 办结.
import { type Route, mount } from './app.js';
import { EvaluatorApp } from './evaluator/evaluator-app.js';
import './i18n/later-messages.js';
import './styles/front-end-evaluator.css';

const ROUTES: Record<string, Route> = {
  '/evaluator': { render: () => <EvaluatorApp />, rememberLang: false, className: 'theme-evaluator' },
};

mount(ROUTES);
