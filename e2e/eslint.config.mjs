import playwright from 'eslint-plugin-playwright';
import { strict } from '../eslint.config.mjs';

export default [playwright.configs['flat/recommended'], ...strict];
