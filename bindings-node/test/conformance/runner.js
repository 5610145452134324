'use strict'
// The Node runner of the cross-language conformance suite (tests/conformance/README.md).
//
// Executes every scenario of the shared manifest, in order, against one emulator through the
// `imburse` package and writes one normalised outcome record per scenario to
// tests/conformance/records/node.jsonl. It mirrors the Rust runner (core/tests/conformance.rs)
// step for step; the judge then requires the records to equal the Rust ones.

const fs = require('node:fs')
const path = require('node:path')
const { Client, ImburseError } = require('imburse')
const { CONFORMANCE_DIR, startEmulator, unreachableUrl } = require('../support/emulator.js')

/** A harness failure (bad manifest, failing setup): stops the run, never becomes a record. */
class HarnessError extends Error {}

function harness(message) {
  throw new HarnessError(`conformance harness: ${message}`)
}

const text = (args, key) => (typeof args?.[key] === 'string' ? args[key] : '')
const optText = (args, key) => (typeof args?.[key] === 'string' ? args[key] : undefined)

function metadata(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {}
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeof v === 'string' ? v : '']))
}

function direction(value) {
  const upper = value.toUpperCase()
  if (upper !== 'DEBIT' && upper !== 'CREDIT') {
    harness(`direction must be DEBIT or CREDIT, not ${JSON.stringify(value)}`)
  }
  return upper
}

function instruction(args) {
  return {
    instructionRef: text(args, 'instruction_ref'),
    customerRef: text(args, 'customer_ref'),
    direction: direction(text(args, 'direction')),
    amount: text(args, 'amount'),
    currency: text(args, 'currency'),
    country: text(args, 'country'),
    settledByDate: optText(args, 'settled_by_date'),
    schemeId: optText(args, 'scheme_id'),
    financialInstrumentId: optText(args, 'financial_instrument_id'),
    metadata: metadata(args?.metadata),
  }
}

function newOrder(args) {
  const defaults = args?.customer_defaults
  return {
    orderRef: text(args, 'order_ref'),
    instructions: Array.isArray(args?.instructions) ? args.instructions.map(instruction) : [],
    metadata: metadata(args?.metadata),
    customerDefaults:
      defaults !== null && typeof defaults === 'object' && !Array.isArray(defaults)
        ? Object.fromEntries(Object.entries(defaults).map(([customerRef, d]) => [customerRef, customerDefault(d)]))
        : {},
  }
}

function customerDefault(d) {
  return {
    financialInstrumentId: optText(d, 'financial_instrument_id'),
    schemeId: optText(d, 'scheme_id'),
    metadata: metadata(d?.metadata),
  }
}

/** Calls one operation; the result is the un-normalised record shape and the attempts. */
function newScheme(args) {
  const s = args?.scheme ?? {}
  return {
    name: text(s, 'name'),
    code: optText(s, 'code'),
    agreementType: optText(s, 'agreement_type'),
    rules: (s.rules ?? []).map((r) => ({
      currencies: r.currencies ?? [],
      countries: r.countries ?? [],
      lowValueInclusive: optText(r, 'low_value_inclusive'),
      highValueInclusive: optText(r, 'high_value_inclusive'),
      apps: (r.apps ?? []).map((a) => ({ appId: text(a, 'app_id'), excludedPaymentMethods: a.excluded_payment_methods ?? [] })),
    })),
  }
}

/** A scheme as the records show it: its first draft's rules flattened. */
function schemeRecord(s) {
  const first = s.drafts[0] ?? null
  const rules = first ? first.rules : []
  const apps = rules.flatMap((r) => r.apps)
  return {
    scheme_id: s.schemeId,
    draft_id: first ? first.draftId : null,
    published: first !== null && s.publishedDraftId === first.draftId,
    names: s.drafts.map((d) => d.name),
    currencies: rules.flatMap((r) => r.currencies.map((c) => c.code)),
    currency_names: rules.flatMap((r) => r.currencies.map((c) => c.name)),
    countries: rules.flatMap((r) => r.countries.map((c) => c.code)),
    bounds: rules.map((r) => [r.lowValueInclusive, r.highValueInclusive]),
    apps: apps.map((a) => a.appId),
    available_payment_methods: apps.map((a) => a.availablePaymentMethods),
  }
}

/** The scheme operations: `list_collect_schemes` → `listCollectSchemes`, and so on. */
const SCHEME_OPERATIONS = {
  list_collect_schemes: (c, args, o) => c.listCollectSchemes(o),
  list_payout_schemes: (c, args, o) => c.listPayoutSchemes(o),
  get_collect_scheme: (c, args, o) => c.getCollectScheme(text(args, 'scheme_id'), o),
  get_payout_scheme: (c, args, o) => c.getPayoutScheme(text(args, 'scheme_id'), o),
  create_collect_scheme: (c, args, o) => c.createCollectScheme(newScheme(args), o),
  create_payout_scheme: (c, args, o) => c.createPayoutScheme(newScheme(args), o),
  delete_collect_scheme: (c, args, o) => c.deleteCollectScheme(text(args, 'scheme_id'), o),
  delete_payout_scheme: (c, args, o) => c.deletePayoutScheme(text(args, 'scheme_id'), o),
  publish_collect_scheme_draft: (c, args, o) =>
    c.publishCollectSchemeDraft(text(args, 'scheme_id'), text(args, 'draft_id'), o),
  publish_payout_scheme_draft: (c, args, o) =>
    c.publishPayoutSchemeDraft(text(args, 'scheme_id'), text(args, 'draft_id'), o),
}

async function callScheme(client, operation, args, options) {
  const r = await SCHEME_OPERATIONS[operation](client, args, options)
  if (operation.startsWith('delete_') || operation.startsWith('publish_')) {
    return [{ status: r.status }, r.attempts]
  }
  const record = operation.startsWith('list_')
    ? { scheme_ids: r.data.schemes.map((s) => s.schemeId) }
    : schemeRecord(r.data)
  return [record, r.meta.attempts]
}

/** A key's name and roles, a tenant's details, the account update: the manifest's snake_case as JS objects. */
const keySettings = (args) => ({ name: args.key?.name ?? '', roles: args.key?.roles ?? [] })
const tenantSettings = (args) => {
  const t = args.tenant ?? {}
  return {
    name: t.name ?? '',
    streetAddress: t.street_address,
    extendedStreetAddress: t.extended_street_address,
    locality: t.locality,
    region: t.region,
    postCode: t.post_code,
    country: t.country,
  }
}

/** The account and tenant management operations. */
const ACCOUNT_OPERATIONS = {
  get_account: (c, a, o) => c.getAccount(o),
  update_account: (c, a, o) =>
    c.updateAccount({ tenantCreationApprovalRequired: a.update.tenant_creation_approval_required }, o),
  list_account_keys: (c, a, o) => c.listAccountKeys(o),
  get_account_key: (c, a, o) => c.getAccountKey(text(a, 'public_key'), o),
  create_account_key: (c, a, o) => c.createAccountKey(keySettings(a), o),
  update_account_key: (c, a, o) => c.updateAccountKey(text(a, 'public_key'), keySettings(a), o),
  delete_account_key: (c, a, o) => c.deleteAccountKey(text(a, 'public_key'), o),
  list_tenants: (c, a, o) => c.listTenants(o),
  get_tenant: (c, a, o) => c.getTenant(text(a, 'tenant_id'), o),
  create_tenant: (c, a, o) => c.createTenant(tenantSettings(a), o),
  update_tenant: (c, a, o) => c.updateTenant(text(a, 'tenant_id'), tenantSettings(a), o),
  list_account_tenant_keys: (c, a, o) => c.listAccountTenantKeys(text(a, 'tenant_id'), o),
  get_account_tenant_key: (c, a, o) => c.getAccountTenantKey(text(a, 'tenant_id'), text(a, 'public_key'), o),
  create_account_tenant_key: (c, a, o) => c.createAccountTenantKey(text(a, 'tenant_id'), keySettings(a), o),
  update_account_tenant_key: (c, a, o) =>
    c.updateAccountTenantKey(text(a, 'tenant_id'), text(a, 'public_key'), keySettings(a), o),
  delete_account_tenant_key: (c, a, o) => c.deleteAccountTenantKey(text(a, 'tenant_id'), text(a, 'public_key'), o),
  list_tenant_keys: (c, a, o) => c.listTenantKeys(o),
  get_tenant_key: (c, a, o) => c.getTenantKey(text(a, 'public_key'), o),
  create_tenant_key: (c, a, o) => c.createTenantKey(keySettings(a), o),
  update_tenant_key: (c, a, o) => c.updateTenantKey(text(a, 'public_key'), keySettings(a), o),
  delete_tenant_key: (c, a, o) => c.deleteTenantKey(text(a, 'public_key'), o),
}

/** Scheme drafts and payout options, licence and IP allow list, the marketplace. */
const int = (text) => (text === undefined || text === null ? undefined : Number.parseInt(text, 10))
const CONFIGURATION_OPERATIONS = {
  get_collect_scheme_published_draft: (c, a, o) => c.getCollectSchemePublishedDraft(text(a, 'scheme_id'), o),
  get_collect_scheme_latest_draft: (c, a, o) => c.getCollectSchemeLatestDraft(text(a, 'scheme_id'), o),
  get_payout_scheme_published_draft: (c, a, o) => c.getPayoutSchemePublishedDraft(text(a, 'scheme_id'), o),
  get_payout_scheme_latest_draft: (c, a, o) => c.getPayoutSchemeLatestDraft(text(a, 'scheme_id'), o),
  get_payout_options: (c, a, o) =>
    c.getPayoutOptions(
      text(a, 'scheme_id'),
      { amount: a.query.amount, currency: a.query.currency, country: a.query.country, matchType: a.query.match_type },
      o,
    ),
  get_license_history: (c, a, o) => c.getLicenseHistory(o),
  request_license_upgrade: (c, a, o) =>
    c.requestLicenseUpgrade(
      {
        emailAddress: a.request.email_address ?? '',
        maxTenants: int(a.request.max_tenants),
        maxTransactions: int(a.request.max_transactions),
        reason: a.request.reason,
      },
      o,
    ),
  get_ip_allow_list: (c, a, o) => c.getIpAllowList(o),
  update_ip_allow_list: (c, a, o) =>
    c.updateIpAllowList(
      {
        enabled: a.allow_list.enabled,
        rules: (a.allow_list.rules ?? []).map((r) => ({ name: r.name, ipV4Start: r.ip_v4_start, ipV4End: r.ip_v4_end })),
      },
      o,
    ),
  list_marketplace_apps: (c, a, o) => c.listMarketplaceApps(o),
  get_marketplace_app: (c, a, o) => c.getMarketplaceApp(text(a, 'app_id'), o),
  install_app: (c, a, o) => c.installApp(text(a, 'app_id'), o),
  configure_app: (c, a, o) => c.configureApp(text(a, 'app_id'), text(a, 'configuration'), o),
  uninstall_app: (c, a, o) => c.uninstallApp(text(a, 'app_id'), o),
}

/** snake_case manifest fields as the package's camelCase request fields, nested objects too. */
function camelFields(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const out = {}
  for (const [key, field] of Object.entries(value)) {
    out[key.replace(/_([a-z])/g, (_, c) => c.toUpperCase())] = key === 'metadata' ? field : camelFields(field)
  }
  return out
}

const pageRecord = (p, refs) => ({
  current_page: p.currentPage,
  page_count: p.pageCount,
  page_size: p.pageSize,
  row_count: p.rowCount,
  total_count: p.totalCount,
  refs,
})

/** Walks a pager page by page: every item's reference, the pages read, the attempts made. */
async function walk(pager, reference) {
  const refs = []
  let pages = 0
  let attempts = 0
  for await (const page of pager.byPage()) {
    pages += 1
    attempts += page.meta.attempts
    refs.push(...page.data.results.map(reference))
  }
  return [{ refs, pages }, attempts]
}

/** A manifest request object with its integer fields as numbers. */
const withSeconds = (value) => ({ ...camelFields(value), expirySeconds: int(value?.expiry_seconds) })

/** A session token as a user sees it: redacted as text, a JWT of three parts when revealed. */
function sessionRecord(r) {
  const d = r.data
  return [
    {
      status: r.meta.status,
      token_text: String(d.sessionToken),
      token_segments: d.sessionToken.reveal().split('.').length,
      expires_after_now: d.expires > Math.floor(Date.now() / 1000),
      session_id: d.sessionId,
    },
    r.meta.attempts,
  ]
}

// Mandates and creditor profiles; the hosted checkout.
const MANDATE_OPERATIONS = {
  create_checkout_session: async (c, a, o) => sessionRecord(await c.createCheckoutSession(withSeconds(a.session), o)),
  create_pay_by_link: async (c, a, o) => {
    const r = await c.createPayByLink(withSeconds(a.link), o)
    return [{ status: r.meta.status, pay_by_link_id: r.data.payByLinkId }, r.meta.attempts]
  },
  create_mandate_session: async (c, a, o) => sessionRecord(await c.createMandateSession(withSeconds(a.session), o)),
  list_creditor_profiles: (c, a, o) => walk(c.listCreditorProfiles(int(a?.page_size), o), (p) => p.creditorProfileRef),
  list_mandates: (c, a, o) => walk(c.listMandates(int(a?.page_size), o), (m) => m.customerRef),
  get_creditor_profiles_page: async (c, a, o) => {
    const r = await c.getCreditorProfilesPage(int(a?.offset), int(a?.page_size), o)
    return [pageRecord(r.data, r.data.results.map((p) => p.creditorProfileRef)), r.meta.attempts]
  },
  get_mandates_page: async (c, a, o) => {
    const r = await c.getMandatesPage(int(a?.offset), int(a?.page_size), o)
    return [pageRecord(r.data, r.data.results.map((m) => m.customerRef)), r.meta.attempts]
  },
  create_mandate: async (c, a, o) => {
    const r = await c.createMandate(camelFields(a.mandate), o)
    const d = r.data
    return [
      {
        status: r.meta.status,
        mandate_id: d.mandateId,
        financial_instrument_id: d.financialInstrumentId,
        verification_status: d.verificationCheck?.status ?? null,
      },
      r.meta.attempts,
    ]
  },
  get_mandate: async (c, a, o) => mandateRecord(await c.getMandate(text(a, 'mandate_id'), o)),
  get_becs_au_mandate: async (c, a, o) => mandateRecord(await c.getBecsAuMandate(text(a, 'mandate_id'), o)),
  get_becs_nz_mandate: async (c, a, o) => mandateRecord(await c.getBecsNzMandate(text(a, 'mandate_id'), o)),
  get_sepa_creditor_profile: async (c, a, o) =>
    sepaProfileRecord(await c.getSepaCreditorProfile(text(a, 'creditor_profile_ref'), o)),
  create_sepa_creditor_profile: async (c, a, o) =>
    sepaProfileRecord(await c.createSepaCreditorProfile(camelFields(a.sepa_profile), o)),
  get_bacs_creditor_profile: async (c, a, o) =>
    bacsProfileRecord(await c.getBacsCreditorProfile(text(a, 'creditor_profile_ref'), o)),
  create_bacs_creditor_profile: async (c, a, o) =>
    bacsProfileRecord(await c.createBacsCreditorProfile(camelFields(a.bacs_profile), o)),
}

function mandateRecord(r) {
  const m = r.data
  return [
    {
      mandate_id: m.mandateId,
      customer_ref: m.customerRef,
      mandate_type: m.mandateType,
      network: m.network,
      status: m.status,
      creditor_profile_ref: m.creditorProfileRef,
      financial_instrument_id: m.financialInstrumentId,
      metadata: m.metadata,
    },
    r.meta.attempts,
  ]
}

function sepaProfileRecord(r) {
  const p = r.data
  const a = p.address
  const address = a == null ? null : {
    house_number_or_name: a.houseNumberOrName,
    street_address: a.streetAddress,
    postcode: a.postcode,
    city: a.city,
    country: a.country,
  }
  return [
    {
      status: r.meta.status,
      creditor_profile_ref: p.creditorProfileRef,
      profile_name: p.profileName,
      identifier: p.identifier,
      name: p.name,
      address,
      metadata: p.metadata,
    },
    r.meta.attempts,
  ]
}

function bacsProfileRecord(r) {
  const p = r.data
  return [
    {
      status: r.meta.status,
      creditor_profile_ref: p.creditorProfileRef,
      profile_name: p.profileName,
      service_user_number: p.serviceUserNumber,
      organization_name: p.organizationName,
      metadata: p.metadata,
    },
    r.meta.attempts,
  ]
}

async function callConfiguration(client, operation, args, options) {
  const r = await CONFIGURATION_OPERATIONS[operation](client, args, options)
  if (!('data' in r)) {
    return [{ status: r.status }, r.attempts]
  }
  const d = r.data
  let record
  if (operation.endsWith('_draft')) {
    record = { draft_id: d.draftId, name: d.name, apps: d.rules.flatMap((rule) => rule.apps.map((x) => x.appId)) }
  } else if (operation === 'get_payout_options') {
    record = {
      reward_ids: d.options.map((x) => x.rewardId),
      value_types: d.options.map((x) => x.valueType),
      app_ids: d.options.map((x) => x.app?.appId ?? null),
    }
  } else if (operation === 'get_license_history') {
    record = {
      license_ids: d.accountHistory.map((e) => e.licenseId),
      max_tenants: d.accountHistory.map((e) => e.maxTenants),
    }
  } else if (operation === 'get_ip_allow_list') {
    record = { enabled: d.enabled, rules: d.rules.map((x) => [x.name, x.ipV4Start, x.ipV4End]) }
  } else if (operation === 'list_marketplace_apps') {
    record = { app_ids: d.apps.map((x) => x.appId) }
  } else {
    record = {
      app_id: d.appId,
      name: d.name,
      payment_methods: d.supportedPaymentMethods.map((m) => m.id),
      currencies: d.supportedCurrencies,
    }
  }
  return [record, r.meta.attempts]
}

const keyRecord = (k) => ({ public_key: k.publicKey, name: k.name, roles: k.roles })
const tenantRecord = (t) => ({ tenant_id: t.tenantId, name: t.name, country: t.address?.country ?? null })

async function callAccount(client, operation, args, options) {
  const r = await ACCOUNT_OPERATIONS[operation](client, args, options)
  if (!('data' in r)) {
    return [{ status: r.status }, r.attempts]
  }
  const d = r.data
  let record
  if (operation === 'get_account') {
    record = {
      account_id: d.accountId,
      company_name: d.companyName,
      tenant_creation_approval_required: d.tenantCreationApprovalRequired,
      max_tenants: d.license?.maxTenants ?? null,
      tenant_usage: d.license?.tenantUsage ?? null,
    }
  } else if (operation.startsWith('list_')) {
    const items = d.accountKeys ?? d.tenantKeys ?? d.tenants
    record = { names: items.map((i) => i.name) }
  } else if (operation.endsWith('_tenant')) {
    record = tenantRecord(d)
    if (operation === 'create_tenant') {
      record.status = r.meta.status
    }
  } else if (operation.startsWith('create_')) {
    // A created key: its private key's text form (always redacted) and its length revealed.
    record = {
      status: r.meta.status,
      ...keyRecord(d),
      private_key_text: String(d.privateKey),
      private_key_length: d.privateKey.reveal().length,
    }
  } else {
    record = keyRecord(d)
  }
  return [record, r.meta.attempts]
}

async function call(client, operation, args, options) {
  if (operation in SCHEME_OPERATIONS) {
    return callScheme(client, operation, args, options)
  }
  if (operation in ACCOUNT_OPERATIONS) {
    return callAccount(client, operation, args, options)
  }
  if (operation in CONFIGURATION_OPERATIONS) {
    return callConfiguration(client, operation, args, options)
  }
  if (operation in MANDATE_OPERATIONS) {
    return MANDATE_OPERATIONS[operation](client, args, options)
  }
  const customerRef = text(args, 'customer_ref')
  switch (operation) {
    case 'create_order': {
      const order = newOrder(args)
      const r = await client.createOrder(order, options)
      return [{ order_ref: order.orderRef, status: r.data.status, reconciled: r.data.reconciled }, r.meta.attempts]
    }
    case 'create_order_v2': {
      const order = newOrder(args)
      const r = await client.createOrderV2(order, options)
      return [{ order_ref: order.orderRef, status: r.data.status, reconciled: r.data.reconciled }, r.meta.attempts]
    }
    case 'update_customer_default': {
      const meta = await client.updateCustomerDefault(
        text(args, 'order_ref'),
        customerRef,
        customerDefault(args?.customer_default),
        options,
      )
      return [{ status: meta.status }, meta.attempts]
    }
    case 'delete_customer_default': {
      const meta = await client.deleteCustomerDefault(text(args, 'order_ref'), customerRef, options)
      return [{ status: meta.status }, meta.attempts]
    }
    case 'forget_customer': {
      const meta = await client.forgetCustomer(customerRef, options)
      return [{ status: meta.status }, meta.attempts]
    }
    case 'get_transaction': {
      const r = await client.getTransaction(
        customerRef,
        text(args, 'financial_instrument_id'),
        text(args, 'transaction_id'),
        options,
      )
      const t = r.data
      return [
        {
          transaction_id: t.transactionId,
          status: t.status,
          amount: t.amount,
          net_amount: t.netAmount,
          financial_instrument_id: t.financialInstrumentId,
          app_id: t.app?.appId ?? null,
          refunds: t.refunds.map((f) => ({ refund_id: f.refundId, amount: f.amount, status: f.status })),
        },
        r.meta.attempts,
      ]
    }
    case 'get_order': {
      const r = await client.getOrder(text(args, 'order_ref'), options)
      const o = r.data
      return [
        {
          order_ref: o.orderRef,
          metadata: o.metadata,
          instruction_refs: o.instructions.map((i) => i.instructionRef),
          customer_default_refs: Object.keys(o.customerDefaults).sort(),
          created: o.created,
          last_updated: o.lastUpdated,
          self_link: o.links.self?.href ?? null,
        },
        r.meta.attempts,
      ]
    }
    case 'create_instruction': {
      const created = instruction(args?.instruction)
      const r = await client.createInstruction(text(args, 'order_ref'), created, options)
      return [
        {
          order_ref: text(args, 'order_ref'),
          instruction_ref: created.instructionRef,
          status: r.data.status,
          reconciled: r.data.reconciled,
        },
        r.meta.attempts,
      ]
    }
    case 'get_instruction':
    case 'wait_for_instruction': {
      const [orderRef, instructionRef] = [text(args, 'order_ref'), text(args, 'instruction_ref')]
      const statuses = (Array.isArray(args?.statuses) ? args.statuses : []).filter((s) => typeof s === 'string')
      const r = operation === 'get_instruction'
        ? await client.getInstruction(orderRef, instructionRef, options)
        : await client.waitForInstruction(orderRef, instructionRef, statuses, options)
      const i = r.data
      const scheme = i.scheme ?? {}
      const instrument = i.financialInstrument ?? {}
      return [
        {
          order_ref: i.orderRef,
          instruction_ref: i.instructionRef,
          customer_ref: i.customerRef,
          direction: i.direction,
          status: i.status,
          amount: i.amount,
          currency: i.currency,
          country: i.country,
          settled_by_date: i.settledByDate,
          scheme_id: scheme.schemeId ?? null,
          scheme_source: scheme.source ?? null,
          financial_instrument_id: instrument.financialInstrumentId ?? null,
          financial_instrument_source: instrument.source ?? null,
          metadata: i.metadata,
          created: i.created,
          last_updated: i.lastUpdated,
        },
        r.meta.attempts,
      ]
    }
    case 'cancel_instruction': {
      const meta = await client.cancelInstruction(
        text(args, 'order_ref'),
        text(args, 'instruction_ref'),
        optText(args, 'reason'),
        options,
      )
      return [{ status: meta.status }, meta.attempts]
    }
    case 'get_customer':
    case 'get_or_create_customer': {
      const r =
        operation === 'get_customer'
          ? await client.getCustomer(customerRef, options)
          : await client.getOrCreateCustomer(customerRef, options)
      const c = r.data
      return [
        {
          customer_ref: c.customerRef,
          status: c.status,
          metadata: c.metadata,
          financial_instrument_ids: c.financialInstruments.map((f) => f.id),
          created: c.created,
        },
        r.meta.attempts,
      ]
    }
    case 'update_order_metadata': {
      const meta = await client.updateOrderMetadata(text(args, 'order_ref'), metadata(args?.metadata), options)
      return [{ status: meta.status }, meta.attempts]
    }
    case 'update_customer_metadata': {
      const meta = await client.updateCustomerMetadata(customerRef, metadata(args?.metadata), options)
      return [{ status: meta.status }, meta.attempts]
    }
    case 'add_mobile_instrument': {
      const mobile = { countryCode: text(args, 'country_code'), phoneNumber: text(args, 'phone_number') }
      const r = await client.addMobileInstrument(customerRef, mobile, options)
      return [{ id: r.data.id }, r.meta.attempts]
    }
    case 'get_financial_instrument': {
      const r = await client.getFinancialInstrument(customerRef, text(args, 'financial_instrument_id'), options)
      const f = r.data
      return [
        {
          id: f.id,
          type: f.type,
          status: f.status,
          display_name: f.displayName,
          details: f.details,
          wallet_enabled: f.inWallet,
          created: f.createdTimestamp,
        },
        r.meta.attempts,
      ]
    }
    case 'get_wallet': {
      const r = await client.getWallet(customerRef, options)
      return [
        { customer_ref: customerRef, financial_instrument_ids: r.data.financialInstruments.map((f) => f.id) },
        r.meta.attempts,
      ]
    }
    case 'add_to_wallet': {
      const meta = await client.addToWallet(
        customerRef,
        text(args, 'financial_instrument_id'),
        optText(args, 'reason'),
        options,
      )
      return [{ status: meta.status }, meta.attempts]
    }
    default:
      return harness(`unknown operation ${operation}`)
  }
}

/** Replaces `"$setup.<index>.<field>"` strings with earlier setup results. */
function resolve(value, setupResults) {
  if (typeof value === 'string' && value.startsWith('$setup.')) {
    const [, index, ...rest] = value.split('.')
    const field = rest.join('.')
    const result = setupResults[Number(index)]
    if (!/^\d+$/.test(index) || !rest.length || result === undefined) {
      harness(value)
    }
    return result[field] ?? null
  }
  if (Array.isArray(value)) {
    return value.map((v) => resolve(v, setupResults))
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, setupResults)]))
  }
  return value
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/
const IMBURSE_CORRELATION_ID = /^[0-9A-V]{13}:[0-9a-fA-F]{8}$/
const HEX_ID = /^[0-9a-fA-F]{32}$/

/** The suite's normalisation rules 1–3. */
function normalise(value) {
  if (typeof value === 'string') {
    if (UUID.test(value)) return '<uuid>'
    if (HEX_ID.test(value)) return '<hex-id>'
    if (IMBURSE_CORRELATION_ID.test(value)) return '<imburse-correlation-id>'
    return value
  }
  if (Array.isArray(value)) {
    return value.map(normalise)
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        (k === 'created' || k === 'last_updated') && v !== null ? '<epoch-ms>' : normalise(v),
      ]),
    )
  }
  return value
}

// Either id anywhere in a text, leftmost first, the UUID tried first (the judge's normalise_text).
const IDS_IN_TEXT =
  /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9A-Za-z]{13}:[0-9A-Fa-f]{8}/g

// An HTTP date, as a clock-skew message quotes the two clocks.
const HTTP_DATE = /[A-Za-z]{3}, [0-9]{2} [A-Za-z]{3} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT/g

function normaliseText(text) {
  return text
    .replace(IDS_IN_TEXT, (id) => (UUID.test(id) ? '<uuid>' : '<imburse-correlation-id>'))
    .replace(HTTP_DATE, '<http-date>')
}

function errorRecord(error) {
  return {
    ...normalise({
      kind: error.kind,
      status: error.status,
      code: error.code,
      codes: error.errors.map((e) => e.code),
      retry_after_ms: error.retryAfterMs,
      client_correlation_id: error.clientCorrelationId,
      correlation_id: error.correlationId,
      attempts: error.attempts,
      raw_body: error.rawBody !== null,
    }),
    text: normaliseText(error.message),
    detail: normaliseText(error.detail),
    entries: error.errors.map((e) => ({
      code: e.code,
      message: normaliseText(e.message),
      metadata: normalise({ ...e.metadata }),
    })),
  }
}

/** The emulator's glob: `*` matches any run of characters (`/` included), the rest literally. */
function globMatch(pattern, subject) {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\S]*')
  return new RegExp(`^${source}$`).test(subject)
}

/** Keys sorted at every level, as the record format requires. */
function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys)
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys(value[k])]),
    )
  }
  return value
}

class Suite {
  constructor(manifest, emulator) {
    this.manifest = manifest
    this.emulator = emulator
  }

  get environment() {
    return this.manifest.environment
  }

  async control(method, route, body) {
    return this.emulator.control(method, route, body)
  }

  /** A client from the manifest's settings overlaid with a scenario's. */
  async client(overrides) {
    const settings = { ...this.manifest.client, ...(overrides ?? {}) }
    const ms = (key) => (typeof settings[key] === 'number' ? settings[key] : harness(key))
    const credentialsName = settings.credentials ?? 'demo'
    const credentials = this.environment.credentials[credentialsName] ?? {}
    const tenantName = settings.tenant_id ?? 'demo'
    let baseUrl
    switch (settings.base_url ?? 'emulator') {
      case 'emulator':
        baseUrl = this.emulator.url
        break
      case 'unreachable':
        baseUrl = await unreachableUrl()
        break
      default:
        harness(`unknown base_url ${settings.base_url}`)
    }
    const tenant = this.environment.tenants[tenantName]
    return new Client({
      baseUrl,
      publicKey: typeof credentials.public_key === 'string' ? credentials.public_key : harness(credentialsName),
      privateKey: credentials.private_key ?? '',
      accountId: credentials.account_id ?? '',
      tenantId: typeof tenant === 'string' ? tenant : undefined,
      maxAttempts: settings.max_attempts ?? 3,
      backoffBaseMs: ms('backoff_base_ms'),
      backoffCapMs: ms('backoff_cap_ms'),
      retryAfterCapMs: ms('retry_after_cap_ms'),
      connectTimeoutMs: ms('connect_timeout_ms'),
      attemptTimeoutMs: ms('attempt_timeout_ms'),
      callTimeoutMs: ms('call_timeout_ms'),
      useEnvProxy: false,
    })
  }

  options(options) {
    const tenantName = options?.tenant_id
    return {
      correlationId: typeof options?.correlation_id === 'string' ? options.correlation_id : undefined,
      tenantId:
        typeof tenantName === 'string'
          ? (this.environment.tenants[tenantName] ?? harness(tenantName))
          : undefined,
      timeoutMs: options?.timeout_ms,
      attemptTimeoutMs: options?.attempt_timeout_ms,
      maxAttempts: options?.max_attempts,
    }
  }
}

async function runScenario(suite, scenario) {
  const id = scenario.id ?? harness('scenario without id')
  await suite.control('POST', '/reset')
  const ttl = scenario.emulator?.token_ttl_seconds ?? suite.environment.default_token_ttl_seconds ?? 3600
  await suite.control('PUT', '/settings', {
    token_ttl_seconds: ttl,
    clock_offset_seconds: scenario.emulator?.clock_offset_seconds ?? 0,
    async_instructions_ms: scenario.emulator?.async_instructions_ms ?? 0,
  })

  const operation = scenario.call?.operation ?? harness(id)
  let callArgs = scenario.call.args
  let outcome
  let client = null
  const events = []
  try {
    client = await suite.client(scenario.client)
    client.on('attempt', (e) => {
      events.push({ operation: e.operation, attempt: e.attempt, status: e.status, outcome: e.outcome })
    })
  } catch (error) {
    if (!(error instanceof ImburseError)) throw error
    outcome = { error }
  }
  if (client) {
    const setupResults = []
    for (const step of scenario.setup ?? []) {
      if (step.control) {
        const answer = await suite.control(step.control.method, step.control.path, step.control.body)
        setupResults.push(answer !== null && typeof answer === 'object' ? answer : {})
        continue
      }
      const args = resolve(step.args, setupResults)
      try {
        const [result] = await call(client, step.operation, args, {})
        setupResults.push(result)
      } catch (error) {
        harness(`${id}: setup ${step.operation} failed: ${error}`)
      }
    }
    await suite.control('DELETE', '/requests')
    events.length = 0
    for (const fault of scenario.faults ?? []) {
      await suite.control('POST', '/faults', fault)
    }
    if (scenario.emulator?.expire_tokens_before_call === true) {
      await suite.control('POST', '/tokens/expire')
    }
    callArgs = resolve(scenario.call.args, setupResults)
    try {
      const [result, attempts] = await call(client, operation, callArgs, suite.options(scenario.call.options))
      outcome = { result, attempts }
    } catch (error) {
      if (!(error instanceof ImburseError)) throw error
      outcome = { error }
    }
    // Attempt events are delivered on the event loop; let the last one arrive.
    await new Promise((resolve) => setImmediate(resolve))
    client.close()
  }

  // What reached the server.
  const spec = suite.manifest.operations[operation] ?? harness(`unknown operation ${operation}`)
  let pattern = spec.path
  for (const [key, value] of Object.entries(callArgs ?? {})) {
    if (typeof value === 'string') {
      pattern = pattern.replaceAll(`{${key}}`, value)
    }
  }
  const log = (await suite.control('GET', '/requests')) ?? []
  const calls = log.filter((r) => r.method === spec.method && globMatch(pattern, r.path ?? ''))
  const identityRequests = log.filter((r) => r.method === 'POST' && r.path === '/v1/identity/hmac').length
  const faults = (await suite.control('GET', '/faults')) ?? []
  const faultsUnused = faults.reduce((sum, f) => sum + (Number.isInteger(f.remaining) ? f.remaining : 0), 0)
  await suite.control('DELETE', '/faults')

  const given = typeof scenario.call.options?.correlation_id === 'string' ? scenario.call.options.correlation_id : null
  const ids = calls.map((r) => (typeof r.headers?.['x-correlation-id'] === 'string' ? r.headers['x-correlation-id'] : null))
  let correlation = null
  let same = null
  if (ids.length > 0) {
    if (ids.some((x) => x === null)) {
      correlation = 'missing'
      same = false
    } else if (ids.some((x, n) => n > 0 && x !== ids[n - 1])) {
      correlation = 'mixed'
      same = false
    } else {
      const only = ids[0]
      correlation = only === given ? 'given' : given === null && UUID.test(only) ? 'generated_uuid' : 'other'
      same = only !== ''
    }
  }
  const receivedAt = (r) => (Number.isInteger(r.received_at_ms) && r.received_at_ms >= 0 ? r.received_at_ms : 0)
  const gaps = calls.slice(1).map((r, n) => Math.max(0, receivedAt(r) - receivedAt(calls[n])))

  let existsAfter = null
  const check = scenario.expect?.server?.exists_after
  if (check !== null && typeof check === 'object') {
    const checker = await suite.client(null)
    try {
      const [result] = await call(checker, check.operation, check.args, {})
      existsAfter =
        typeof check.count_field === 'string'
          ? Array.isArray(result[check.count_field])
            ? result[check.count_field].length
            : 0
          : 1
    } catch (error) {
      if (error instanceof ImburseError && typeof error.code === 'string' && error.code.endsWith('_NOT_FOUND')) {
        existsAfter = 0
      } else {
        harness(`${id}: exists_after failed: ${error}`)
      }
    } finally {
      checker.close()
    }
  }

  const failed = outcome.error !== undefined
  return {
    id,
    outcome: failed ? 'error' : 'ok',
    result: failed ? null : normalise(outcome.result),
    error: failed ? errorRecord(outcome.error) : null,
    attempts: failed ? outcome.error.attempts : outcome.attempts,
    events,
    server: {
      requests: calls.length,
      correlation_id: correlation,
      same_correlation_id_on_every_attempt: same,
      identity_requests: identityRequests,
      faults_unused: faultsUnused,
      exists_after: existsAfter,
    },
    timing: { gaps_ms: gaps },
  }
}

/** Runs every scenario and writes the records; resolves with the records file's path. */
async function runConformance() {
  const manifest = JSON.parse(fs.readFileSync(path.join(CONFORMANCE_DIR, 'manifest.json'), 'utf8'))
  const config = path.join(CONFORMANCE_DIR, manifest.environment.emulator_config)
  const emulator = await startEmulator(['--config', config])
  try {
    const suite = new Suite(manifest, emulator)
    const lines = []
    for (const scenario of manifest.scenarios) {
      lines.push(JSON.stringify(sortKeys(await runScenario(suite, scenario))))
    }
    const recordsDir = path.join(CONFORMANCE_DIR, 'records')
    fs.mkdirSync(recordsDir, { recursive: true })
    const records = path.join(recordsDir, 'node.jsonl')
    fs.writeFileSync(records, `${lines.join('\n')}\n`)
    return { records, count: lines.length }
  } finally {
    await emulator.stop()
  }
}

module.exports = { runConformance, globMatch, normalise }
