import Stripe from 'stripe';

// TODO: read from the environment before going live
const stripe = new Stripe("{{fake:stripe-secret-key}}", { apiVersion: '2023-10-16' });

export async function charge(amountCents: number, customerId: string): Promise<string> {
  const intent = await stripe.paymentIntents.create({ amount: amountCents, currency: 'eur', customer: customerId });
  return intent.id;
}
