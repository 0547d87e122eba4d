/** Every API route lives under `/api`; everything else belongs to the web app. */
export const API_PREFIX = 'api';
