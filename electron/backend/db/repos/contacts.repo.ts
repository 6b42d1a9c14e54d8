import type { Contact, ContactChannel } from '../../../../shared/ipc/contract';
import type { Prepare } from '../statements';

export interface ContactWrite {
  name: string;
  role: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  preferredChannel: ContactChannel;
  isValid: boolean;
  optedOut: boolean;
}

interface ContactDbRow {
  id: number;
  customer_id: number;
  name: string;
  role: string | null;
  phone: string | null;
  whatsapp: string | null;
  email: string | null;
  preferred_channel: ContactChannel;
  is_valid: number;
  opted_out: number;
  updated_at: string;
}

export function contactsRepo(prepare: Prepare) {
  const params = (c: ContactWrite, at: string) => ({ ...c, isValid: c.isValid ? 1 : 0, optedOut: c.optedOut ? 1 : 0, at });
  return {
    listByCustomer(customerId: number): Contact[] {
      return (prepare('SELECT * FROM contacts WHERE customer_id = ? ORDER BY id').all(customerId) as ContactDbRow[]).map(toContact);
    },
    /** The contacts of many customers in one read (a dunning pass), by customer. */
    listByCustomers(customerIds: readonly number[]): Map<number, Contact[]> {
      const rows = prepare('SELECT * FROM contacts WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, id').all(
        JSON.stringify(customerIds),
      ) as ContactDbRow[];
      const out = new Map<number, Contact[]>();
      for (const r of rows) {
        const list = out.get(r.customer_id);
        if (list) list.push(toContact(r));
        else out.set(r.customer_id, [toContact(r)]);
      }
      return out;
    },
    get(id: number): Contact | null {
      const r = prepare('SELECT * FROM contacts WHERE id = ?').get(id) as ContactDbRow | undefined;
      return r ? toContact(r) : null;
    },
    insert(customerId: number, c: ContactWrite, at: string): number {
      const info = prepare(
        `INSERT INTO contacts (customer_id, name, role, phone, whatsapp, email, preferred_channel, is_valid, opted_out, created_at, updated_at)
         VALUES (@customerId, @name, @role, @phone, @whatsapp, @email, @preferredChannel, @isValid, @optedOut, @at, @at)`,
      ).run({ ...params(c, at), customerId });
      return Number(info.lastInsertRowid);
    },
    update(id: number, c: ContactWrite, at: string): void {
      prepare(
        `UPDATE contacts SET name = @name, role = @role, phone = @phone, whatsapp = @whatsapp, email = @email,
           preferred_channel = @preferredChannel, is_valid = @isValid, opted_out = @optedOut, updated_at = @at WHERE id = @id`,
      ).run({ ...params(c, at), id });
    },
  };
}

function toContact(r: ContactDbRow): Contact {
  return {
    id: r.id,
    customerId: r.customer_id,
    name: r.name,
    role: r.role,
    phone: r.phone,
    whatsapp: r.whatsapp,
    email: r.email,
    preferredChannel: r.preferred_channel,
    isValid: r.is_valid === 1,
    optedOut: r.opted_out === 1,
    updatedAt: r.updated_at,
  };
}
