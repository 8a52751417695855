import type { IngramMicroOperations, ResourceModule } from './types';

import * as deal from './deal';
import * as freight from './freight';
import * as invoice from './invoice';
import * as order from './order';
import * as product from './product';
import * as quote from './quote';
import * as renewal from './renewal';
import * as returns from './return';
import * as vendorRequiredInfo from './vendorRequiredInfo';

/** Resource → its Operation dropdown and implementations (see types.ts for the contract). */
export const resources: { [R in keyof IngramMicroOperations]: ResourceModule<R> } = {
	product,
	order,
	quote,
	invoice,
	return: returns,
	renewal,
	deal,
	freight,
	vendorRequiredInfo,
};
