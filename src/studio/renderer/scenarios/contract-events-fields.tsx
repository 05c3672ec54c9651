import type { ReactNode } from 'react';
import type { ScenarioForm } from '../../api/contract.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/messages.js';

// The sections' types as the studio API carries them (the renderer may not import camera-sim).
type ReturnsSpec = NonNullable<ScenarioForm['returns']>;
type EquipmentSpec = NonNullable<ScenarioForm['equipment']>;
type DamagesSpec = NonNullable<ScenarioForm['damages']>;
type RefundsSpec = NonNullable<ScenarioForm['refunds']>;

/**
 * The scenario form's fields for what the second-round decisions price (docs/scenarios.md,
 * "Returns, equipment, damages and refunds"): late returns after a cancellation (第47条第3項),
 * equipment loss and damage (第46条), damages claimed for outages (第34条) and refunds of waivers
 * on months already paid (第25条第3項). A section absent from the form shows its neutral values
 * (nothing happens) and is added the first time one of its fields is changed; damages and refunds
 * show only when the scenario has outages.
 */
type NumInput = (pointer: string, value: number | undefined, onValue: (n: number) => void, opts?: { step?: string; testId?: string; min?: number }) => ReactNode;
type Field = (label: MessageKey, control: ReactNode, hint?: MessageKey) => ReactNode;
type Props = { form: ScenarioForm; set: (patch: Partial<ScenarioForm>) => void; numInput: NumInput; field: Field };

const NO_RETURNS: ReturnsSpec = { lateProbability: 0, announcedShare: 0, daysLate: [{ min: 1, max: 30, share: 1 }] };
const NO_EQUIPMENT: EquipmentSpec = { lossMonthlyRate: 0, damageMonthlyRate: 0, replacementCost: { min: 30_000, max: 60_000 }, repairCost: { min: 5_000, max: 20_000 }, contractorAtFault: 0.5, remedyExcessive: 0 };
const NO_DAMAGES: DamagesSpec = { claimProbability: 0, companyShare: 0, claimedAmount: { min: 1_000, max: 50_000 } };
const NO_REFUNDS: RefundsSpec = { paidShare: 0 };

export function ContractEventFields({ form, set, numInput, field }: Props) {
  const { t } = useI18n();
  const returns = form.returns ?? NO_RETURNS;
  const equipment = form.equipment ?? NO_EQUIPMENT;
  const damages = form.damages ?? NO_DAMAGES;
  const refunds = form.refunds ?? NO_REFUNDS;
  const setReturns = (patch: Partial<ReturnsSpec>) => set({ returns: { ...returns, ...patch } });
  const setEquipment = (patch: Partial<EquipmentSpec>) => set({ equipment: { ...equipment, ...patch } });
  const setDamages = (patch: Partial<DamagesSpec>) => set({ damages: { ...damages, ...patch } });
  const days = returns.daysLate[0] ?? NO_RETURNS.daysLate[0]!;
  const setDays = (patch: Partial<{ min: number; max: number }>) => setReturns({ daysLate: [{ ...days, ...patch }, ...returns.daysLate.slice(1)] });
  const p = { step: '0.001', min: 0 };
  return (
    <fieldset className="scn-group" data-testid="scn-contract-events">
      <legend>{t('scn.section.contractEvents')}</legend>
      <div className="scn-grid">
        {field('scn.returnLate', numInput('/returns/lateProbability', returns.lateProbability, (n) => setReturns({ lateProbability: n }), { ...p, testId: 'scn-return-late' }), 'scn.ofCancelled')}
        {field('scn.returnAnnounced', numInput('/returns/announcedShare', returns.announcedShare, (n) => setReturns({ announcedShare: n }), p), 'scn.ofLateReturns')}
        {field('scn.returnDaysMin', numInput('/returns/daysLate/0', days.min, (n) => setDays({ min: n }), { min: 1 }))}
        {field('scn.returnDaysMax', numInput('/returns/daysLate/0', days.max, (n) => setDays({ max: n }), { min: 1 }))}
        {field('scn.equipmentLoss', numInput('/equipment/lossMonthlyRate', equipment.lossMonthlyRate, (n) => setEquipment({ lossMonthlyRate: n }), { ...p, testId: 'scn-equipment-loss' }), 'scn.perMonth')}
        {field('scn.equipmentDamage', numInput('/equipment/damageMonthlyRate', equipment.damageMonthlyRate, (n) => setEquipment({ damageMonthlyRate: n }), p), 'scn.perMonth')}
        {field('scn.replacementMin', numInput('/equipment/replacementCost', equipment.replacementCost.min, (n) => setEquipment({ replacementCost: { ...equipment.replacementCost, min: n } }), { min: 0 }))}
        {field('scn.replacementMax', numInput('/equipment/replacementCost', equipment.replacementCost.max, (n) => setEquipment({ replacementCost: { ...equipment.replacementCost, max: n } }), { min: 0 }))}
        {field('scn.repairMin', numInput('/equipment/repairCost', equipment.repairCost.min, (n) => setEquipment({ repairCost: { ...equipment.repairCost, min: n } }), { min: 0 }))}
        {field('scn.repairMax', numInput('/equipment/repairCost', equipment.repairCost.max, (n) => setEquipment({ repairCost: { ...equipment.repairCost, max: n } }), { min: 0 }))}
        {field('scn.contractorAtFault', numInput('/equipment/contractorAtFault', equipment.contractorAtFault, (n) => setEquipment({ contractorAtFault: n }), p), 'scn.probability')}
        {field('scn.remedyExcessive', numInput('/equipment/remedyExcessive', equipment.remedyExcessive ?? 0, (n) => setEquipment({ remedyExcessive: n }), p), 'scn.probability')}
        {form.outages && field('scn.damagesClaim', numInput('/damages/claimProbability', damages.claimProbability, (n) => setDamages({ claimProbability: n }), { ...p, testId: 'scn-damages-claim' }), 'scn.ofOutages')}
        {form.outages && field('scn.damagesCompany', numInput('/damages/companyShare', damages.companyShare, (n) => setDamages({ companyShare: n }), p), 'scn.probability')}
        {form.outages && field('scn.claimedMin', numInput('/damages/claimedAmount', damages.claimedAmount.min, (n) => setDamages({ claimedAmount: { ...damages.claimedAmount, min: n } }), { min: 0 }))}
        {form.outages && field('scn.claimedMax', numInput('/damages/claimedAmount', damages.claimedAmount.max, (n) => setDamages({ claimedAmount: { ...damages.claimedAmount, max: n } }), { min: 0 }))}
        {form.outages && field('scn.refundPaid', numInput('/refunds/paidShare', refunds.paidShare, (n) => set({ refunds: { paidShare: n } }), { ...p, testId: 'scn-refund-paid' }), 'scn.ofWaivers')}
      </div>
    </fieldset>
  );
}
