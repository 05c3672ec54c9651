import { differentialSuite } from './rules-differential.js';

// Split in two files so the two halves run in parallel (about 25 s each on 2 cores).
differentialSuite(['approval', 'suspension', 'termination', 'courseChange', 'cancellationNotice', 'equipmentLoss', 'paymentAllocation', 'billingCorrection']);
