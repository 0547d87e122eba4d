import { minorDigits } from '../money/money';
import {
  convertMinor,
  invoiceTotals,
  isValidQuantity,
  lineAmountMinor,
  quantityHundredths,
  taxMinor,
  taxRatePercentText,
} from './invoice-money';

describe('invoice money', () => {
  describe('in a currency without minor digits (KRW)', () => {
    it('should keep whole won when a line is quantity × rate card price', () => {
      expect(minorDigits('KRW')).toBe(0);
      expect(lineAmountMinor(2, 1_500_000)).toBe(3_000_000);
    });

    it('should round half a won up when an hour fraction leaves one', () => {
      // 1.5 h × ₩150,001 = ₩225,001.5 → ₩225,002
      expect(lineAmountMinor(1.5, 150_001)).toBe(225_002);
      // 0.25 h × ₩150,001 = ₩37,500.25 → ₩37,500
      expect(lineAmountMinor(0.25, 150_001)).toBe(37_500);
    });

    it('should compute Korean VAT of 10 % once on the net when the invoice has lines', () => {
      const totals = invoiceTotals(
        [
          { quantity: 1, unitPriceMinor: 1_500_005 },
          { quantity: 1, unitPriceMinor: 900_005 },
        ],
        1000,
      );
      // per line the tax would be 150,000.5 + 90,000.5 → 150,001 + 90,001 = 240,002; once on the net it is 240,001
      expect(totals).toEqual({
        netMinor: 2_400_010,
        taxMinor: 240_001,
        grossMinor: 2_640_011,
        lineAmountsMinor: [1_500_005, 900_005],
      });
    });
  });

  describe('in a currency with two minor digits (USD, IDR)', () => {
    it('should round to the cent when a quantity has two decimals', () => {
      expect(minorDigits('USD')).toBe(2);
      // 1.15 h × $100.01 = $115.0115 → $115.01
      expect(lineAmountMinor(1.15, 10_001)).toBe(11_501);
      // 0.5 h × $0.01 = $0.005 → $0.01 (half up)
      expect(lineAmountMinor(0.5, 1)).toBe(1);
    });

    it('should compute Indonesian PPN of 11 % rounded half up when the net has cents', () => {
      // Rp 1,234,567.89 × 11 % = Rp 135,802.4679 → Rp 135,802.47
      expect(taxMinor(123_456_789, 1100)).toBe(13_580_247);
      // $0.50 × 11 % = $0.055 → $0.06
      expect(taxMinor(50, 1100)).toBe(6);
    });

    it('should add no tax when the contract has none', () => {
      expect(invoiceTotals([{ quantity: 3, unitPriceMinor: 12_000 }], 0)).toMatchObject({
        netMinor: 36_000,
        taxMinor: 0,
        grossMinor: 36_000,
      });
    });

    it('should stay exact when amounts pass 2^53 in an intermediate product', () => {
      expect(taxMinor(9_000_000_000_000_000, 1000)).toBe(900_000_000_000_000);
      expect(() => lineAmountMinor(100_000, Number.MAX_SAFE_INTEGER)).toThrow(RangeError);
    });
  });

  describe('quantities', () => {
    it('should read a quantity from its decimal text when it has at most two decimals', () => {
      expect(quantityHundredths(1.15)).toBe(115);
      expect(quantityHundredths(3)).toBe(300);
      expect(quantityHundredths(0.01)).toBe(1);
    });

    it('should refuse negative, zero, three-decimal and exponent quantities', () => {
      for (const bad of [-1, 0, 1.005, 1e-7, Number.NaN, Number.POSITIVE_INFINITY, 100_001]) {
        expect(quantityHundredths(bad)).toBeNull();
      }
    });

    it('should allow fractions for hours and months but not for deliverables', () => {
      expect(isValidQuantity(1.5, 'hour')).toBe(true);
      expect(isValidQuantity(0.5, 'month')).toBe(true);
      expect(isValidQuantity(1.5, 'deliverable')).toBe(false);
      expect(isValidQuantity(-2, 'deliverable')).toBe(false);
      expect(isValidQuantity(2, 'deliverable')).toBe(true);
    });
  });

  describe('tax rates and conversions', () => {
    it('should print basis points as a percent when shown to people', () => {
      expect(taxRatePercentText(1000)).toBe('10');
      expect(taxRatePercentText(1150)).toBe('11.5');
      expect(taxRatePercentText(0)).toBe('0');
    });

    it('should convert KRW to USD cents at a rate rounded half up when the digits differ', () => {
      // ₩1,000,000 × 0.000731 = $731.00
      expect(convertMinor(1_000_000, 0, 2, '0.000731')).toBe(73_100);
      // ₩1 × 0.000735 = $0.000735 → $0.00; ₩7 → $0.005145 → $0.01
      expect(convertMinor(1, 0, 2, '0.000735')).toBe(0);
      expect(convertMinor(7, 0, 2, '0.000735')).toBe(1);
    });

    it('should convert USD cents to KRW at a rate when the target has no minor digits', () => {
      // $12.34 × 1368.5 = ₩16,887.29 → ₩16,887
      expect(convertMinor(1234, 2, 0, '1368.5')).toBe(16_887);
    });
  });
});
