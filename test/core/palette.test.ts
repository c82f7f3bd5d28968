/**
 * Colour by key (src/elements/shared/palette.ts, DOM-free): slots follow the key, never the rank;
 * no repeat within 16 groups; channel kinds in their families; "Other" neutral.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import { OTHER_SLOT, SLOT_COLORS, assignSlots, channelFamily, slotProperty, statusSlot } from '../../src/elements/shared/palette.js';

const keys = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `tpl_${i * 7919}` }));

describe('colour slots by key', () => {
  it('gives 16 groups 16 different slots, whatever their order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 16 }), (names) => {
        const items = names.map((key) => ({ key }));
        const slots = assignSlots('subtype', items);
        expect(new Set(slots.values()).size).to.equal(names.length);
        const reversed = assignSlots('subtype', [...items].reverse());
        for (const [key, slot] of slots) expect(reversed.get(key)).to.equal(slot);
      }),
    );
  });

  it('keeps a key’s slot when the set only changes order or count', () => {
    const items = keys(10);
    const slots = assignSlots('subtype', items);
    const shuffled = assignSlots('subtype', [items[3]!, items[9]!, ...items.slice(0, 3), ...items.slice(4, 9)]);
    expect([...shuffled].sort()).to.deep.equal([...slots].sort());
  });

  it('gives statuses, sources and types fixed slots, and "Other" the neutral one', () => {
    expect(['sent', 'delivered', 'read', 'failed'].map((status) => statusSlot(status as 'sent'))).to.deep.equal(['c1', 'c2', 'c5', 'c4']);
    const sources = assignSlots('source', [{ key: 'echo' }, { key: 'user' }, { key: '__other__' }], '__other__');
    expect(sources.get('user')).to.equal('c1');
    expect(assignSlots('source', [{ key: 'user' }]).get('user')).to.equal('c1');
    expect(sources.get('__other__')).to.equal(OTHER_SLOT);
    const types = assignSlots('type', [{ key: 'whatsapp_template' }, { key: 'facebook_message_tag' }, { key: 'session' }]);
    expect(types.get('whatsapp_template')).to.match(/^whatsapp-/);
    expect(types.get('facebook_message_tag')).to.match(/^facebook-/);
  });

  it('puts channels in their kind’s family, by kind or by name, and spills into the general slots', () => {
    expect(channelFamily('whatsapp', 'Ventas')).to.equal('whatsapp');
    expect(channelFamily('messenger', 'Tienda')).to.equal('facebook');
    expect(channelFamily(undefined, 'WhatsApp Ventas')).to.equal('whatsapp');
    expect(channelFamily(undefined, 'Correo Soporte')).to.equal('email');
    expect(channelFamily(undefined, 'SMS Cobranza')).to.equal('sms');
    expect(channelFamily(undefined, 'Chat del sitio web')).to.equal('webchat');
    expect(channelFamily(undefined, 'Sucursal Centro')).to.equal(undefined);
    const whatsapp = Array.from({ length: 6 }, (_, i) => ({ key: `ch_${i}`, label: `WhatsApp ${i}` }));
    const slots = [...assignSlots('channel', whatsapp).values()];
    expect(slots.filter((slot) => slot.startsWith('whatsapp-'))).to.have.length(4);
    expect(new Set(slots).size).to.equal(6);
  });

  it('names a public custom property for every slot, with a light and a dark colour', () => {
    expect(slotProperty('c3')).to.equal('--msg-color-3');
    expect(slotProperty('google_business-2')).to.equal('--msg-color-google-business-2');
    expect(slotProperty(OTHER_SLOT)).to.equal('--msg-color-other');
    for (const [light, dark] of Object.values(SLOT_COLORS)) {
      expect(light).to.match(/^#[0-9a-f]{6}$/);
      expect(dark).to.match(/^#[0-9a-f]{6}$/);
    }
  });
});
