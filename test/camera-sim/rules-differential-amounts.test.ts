import { differentialSuite } from './rules-differential.js';

// Split in two files so the two halves run in parallel (about 25 s each on 2 cores).
differentialSuite(['outageWaiver', 'settlement', 'lateInterest', 'surcharge', 'monthlyCharge', 'damages', 'cancellation']);
