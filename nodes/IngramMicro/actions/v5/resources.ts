import type { IngramMicroV5Operations, V5ResourceModule } from './types';

import * as invoice from './invoice';
import * as order from './order';
import * as product from './product';
import * as quote from './quote';

/** Resource → its v5 Operation dropdown and implementations (see types.ts). */
export const v5Resources: { [R in keyof IngramMicroV5Operations]: V5ResourceModule<R> } = {
	product,
	order,
	quote,
	invoice,
};
