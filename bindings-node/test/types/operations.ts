// Type-level tests of the client's operation methods, which index.d.ts derives from the native
// client's generated declaration: compiled by `tsc` in the test command, so a wrong argument
// must be refused and each result must keep its type. Never run.

import { Client } from '../../index.js'
import type { CreatedResponse, InstructionResponse, Mandate, MandatePageResponse, Pager, ResponseMeta } from '../../index.js'

export async function typed(client: Client, signal: AbortSignal): Promise<void> {
  const instruction: InstructionResponse = await client.getInstruction('O-1', 'I-1', { correlationId: 'c', signal })
  const amount: string = instruction.data.amount
  const created: CreatedResponse = await client.createOrder({ orderRef: 'O-1' })
  const cancelled: ResponseMeta = await client.cancelInstruction('O-1', 'I-1', 'duplicate', { tenantId: 't' })
  const nothing: void = await client.authenticate({ signal })
  void [amount, created, cancelled, nothing]

  // @ts-expect-error: a reference is a string
  await client.getOrder(42)
  // @ts-expect-error: the instruction reference is required
  await client.getInstruction('O-1')
  // @ts-expect-error: an order needs its orderRef
  await client.createOrder({})
  // @ts-expect-error: the options come last and are an object
  await client.getOrder('O-1', 'not options')
  // @ts-expect-error: the result keeps its type
  const wrong: ResponseMeta = await client.getOrder('O-1')
  void wrong

  // A paged list gives a Pager of its items and its pages.
  const pager: Pager<MandatePageResponse> = client.listMandates(500, { signal })
  for await (const mandate of pager) {
    const id: string = mandate.mandateId
    void id
  }
  const page: MandatePageResponse | null = await pager.nextPage()
  const total: number | undefined = page?.data.totalCount
  const items: Mandate[] = page?.data.results ?? []
  void [total, items]
  // @ts-expect-error: the page size is a number
  client.listMandates('500')

  // A session token is a Secret, revealed only on purpose.
  const session = await client.createCheckoutSession({ orderRef: 'O-1', instructionRef: 'I-1', expirySeconds: 900 })
  const token: string = session.data.sessionToken.reveal()
  const expires: number = session.data.expires
  void [token, expires]
  // @ts-expect-error: the token is not a string until revealed
  const leaked: string = session.data.sessionToken
  void leaked
  // @ts-expect-error: a channel has a kind and a destination
  await client.createPayByLink({ orderRef: 'O-1', instructionRef: 'I-1', expirySeconds: 60, channels: [{ type: 'SMS' }] })

  // A transaction's amounts are exact decimal strings; a default's fields are all optional.
  const transaction = await client.getTransaction('C-1', 'fi-1', 'T-1')
  const net: string | null | undefined = transaction.data.netAmount
  const refunded: Array<string | null | undefined> = transaction.data.refunds.map((r) => r.amount)
  void [net, refunded]
  const changed: ResponseMeta = await client.updateCustomerDefault('O-1', 'C-1', { financialInstrumentId: 'fi-1' })
  const forgotten: ResponseMeta = await client.forgetCustomer('C-1', { signal })
  void [changed, forgotten]
  // @ts-expect-error: forgetting takes the customer's reference
  await client.forgetCustomer()

  // The deprecated network routes: a SEPA profile's address is optional, its identifier required.
  const sepa = await client.createSepaCreditorProfile({ profileName: 'Euro', identifier: 'DE98ZZZ09999999999', name: 'Demo' })
  const city: string | null | undefined = sepa.data.address?.city
  const becs: Mandate = (await client.getBecsAuMandate('m-1', { signal })).data
  void [city, becs]
  // @ts-expect-error: a Bacs profile needs its service user number
  await client.createBacsCreditorProfile({ profileName: 'UK', organizationName: 'Demo' })
}
