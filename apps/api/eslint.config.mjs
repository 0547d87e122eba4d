import { strict } from '../../eslint.config.mjs';

export default [...strict];
