/**
 * The index template and retention policy for the ECS documents of `./ecs.ts`: one mapping per
 * field the mapping can emit (test/output/es-template.test.ts checks that none is missing),
 * chosen for search — addresses, ids and hosts are `keyword` (exact match, aggregations),
 * reply texts are `text` with a `.keyword` subfield, times `date`, counters `long`, delays
 * `float`. `dynamic: false` keeps anything unmapped in `_source` without indexing it.
 *
 * ECS types are followed except where OpenSearch would refuse them: `message` is `text`
 * (ECS: `match_only_text`) and `email.message_id` is `keyword` (ECS: `wildcard`; exact
 * lookups are what a message-id is searched for).
 *
 * Retention is an Elasticsearch ILM policy or an OpenSearch ISM policy that deletes an index
 * once it is older than the retention. It counts from index creation, so it only expires old
 * data when the index name carries a date (`--index maillog-%Y.%m.%d`): with a single index
 * it would delete everything at once. See docs/elasticsearch.md.
 *
 * @module
 */

import { type BEATS_FIELDS, ECS_VERSION } from './ecs.js'

/** How a field is mapped. */
export type FieldMapping =
  | 'keyword'
  | 'text'
  | 'text+keyword'
  | 'date'
  | 'long'
  | 'float'
  | 'boolean'
  | 'ip'
  | 'stored'

/** Every ECS field the mapping emits, by path. */
export const ECS_FIELD_MAPPINGS: Readonly<Record<string, FieldMapping>> = {
  '@timestamp': 'date',
  'ecs.version': 'keyword',
  message: 'text',
  'event.kind': 'keyword',
  'event.category': 'keyword',
  'event.type': 'keyword',
  'event.action': 'keyword',
  'event.outcome': 'keyword',
  'event.dataset': 'keyword',
  'event.module': 'keyword',
  'event.provider': 'keyword',
  'event.original': 'stored',
  'event.start': 'date',
  'event.end': 'date',
  'event.duration': 'long',
  'host.name': 'keyword',
  'process.name': 'keyword',
  'process.pid': 'long',
  'source.address': 'keyword',
  'source.ip': 'ip',
  'source.domain': 'keyword',
  'source.port': 'long',
  'destination.address': 'keyword',
  'destination.ip': 'ip',
  'destination.domain': 'keyword',
  'destination.port': 'long',
  'email.from.address': 'keyword',
  'email.to.address': 'keyword',
  'email.message_id': 'keyword',
  'email.local_id': 'keyword',
  'email.direction': 'keyword',
  'email.delivery_timestamp': 'date',
  'log.file.path': 'keyword',
  'log.level': 'keyword',
  'tls.version': 'keyword',
  'tls.version_protocol': 'keyword',
  'tls.cipher': 'keyword',
  'tls.established': 'boolean',
  'tls.resumed': 'boolean',
  'tls.client.server_name': 'keyword',
  'related.ip': 'ip',
  'related.hosts': 'keyword',
  'related.user': 'keyword',
}

const ACTION_FIELDS = (prefix: string): Record<string, FieldMapping> => ({
  [`${prefix}.time`]: 'date',
  [`${prefix}.daemon`]: 'keyword',
  [`${prefix}.action`]: 'keyword',
  [`${prefix}.stage`]: 'keyword',
  [`${prefix}.code`]: 'long',
  [`${prefix}.dsn`]: 'keyword',
  [`${prefix}.text`]: 'text+keyword',
  [`${prefix}.to`]: 'keyword',
})

const DELAY_FIELDS = (prefix: string): Record<string, FieldMapping> => ({
  [`${prefix}.before_queue`]: 'float',
  [`${prefix}.in_queue`]: 'float',
  [`${prefix}.connection`]: 'float',
  [`${prefix}.transmission`]: 'float',
})

/**
 * Fields outside ECS written under their Beats names (see `BEATS_FIELDS` in ecs-types), by path.
 *
 * @example
 * BEATS_FIELD_MAPPINGS['log.offset'] //=> 'long'
 */
export const BEATS_FIELD_MAPPINGS: Readonly<Record<(typeof BEATS_FIELDS)[number], FieldMapping>> = {
  'log.offset': 'long',
}

/** Every `maillog.*` field of transaction and event documents, by path. */
export const MAILLOG_FIELD_MAPPINGS: Readonly<Record<string, FieldMapping>> = {
  // both
  'maillog.type': 'keyword',
  'maillog.instance': 'keyword',
  'maillog.size': 'long',
  'maillog.nrcpt': 'long',
  'maillog.sasl_username': 'keyword',
  'maillog.uid': 'long',
  // transactions
  'maillog.id': 'keyword',
  'maillog.mta': 'keyword',
  'maillog.complete': 'boolean',
  'maillog.recipients.to': 'keyword',
  'maillog.recipients.orig_to': 'keyword',
  'maillog.recipients.status': 'keyword',
  'maillog.recipients.dsn': 'keyword',
  'maillog.recipients.relay': 'keyword',
  'maillog.recipients.delay': 'float',
  ...DELAY_FIELDS('maillog.recipients.delays'),
  'maillog.recipients.response': 'text+keyword',
  'maillog.recipients.queued_as': 'keyword',
  'maillog.recipients.agent': 'keyword',
  'maillog.recipients.time': 'date',
  ...ACTION_FIELDS('maillog.rejects'),
  ...ACTION_FIELDS('maillog.warnings'),
  'maillog.filter.time': 'date',
  'maillog.filter.filter': 'keyword',
  'maillog.filter.disposition': 'keyword',
  'maillog.filter.category': 'keyword',
  'maillog.filter.hits': 'float',
  'maillog.filter.mail_id': 'keyword',
  'maillog.filter.queued_as': 'keyword',
  'maillog.mailbox.time': 'date',
  'maillog.mailbox.account': 'keyword',
  'maillog.mailbox.mailbox_id': 'long',
  'maillog.mailbox.item_id': 'long',
  'maillog.mailbox.folder': 'keyword',
  'maillog.bounce_of': 'keyword',
  'maillog.bounce_queue_id': 'keyword',
  'maillog.next': 'keyword',
  'maillog.previous': 'keyword',
  // events: header
  'maillog.line': 'long',
  'maillog.stamp': 'keyword',
  'maillog.time_unresolved': 'boolean',
  'maillog.service': 'keyword',
  'maillog.daemon': 'keyword',
  'maillog.severity': 'keyword',
  'maillog.repeated': 'long',
  // events: fields without an ECS home
  'maillog.action': 'keyword',
  'maillog.after': 'keyword',
  'maillog.after_seconds': 'float',
  'maillog.alg_bits': 'long',
  'maillog.at': 'keyword',
  'maillog.bits': 'long',
  'maillog.bytes': 'long',
  'maillog.cache': 'keyword',
  'maillog.class': 'keyword',
  'maillog.code': 'long',
  'maillog.commands.ok': 'long',
  'maillog.commands.total': 'long',
  'maillog.configuration': 'keyword',
  'maillog.conn_use': 'long',
  'maillog.count': 'long',
  'maillog.counts.command': 'keyword',
  'maillog.counts.ok': 'long',
  'maillog.counts.total': 'long',
  'maillog.delay': 'float',
  ...DELAY_FIELDS('maillog.delays'),
  'maillog.detail': 'text+keyword',
  'maillog.details': 'text+keyword',
  'maillog.direction': 'keyword',
  'maillog.domain': 'keyword',
  'maillog.dropped': 'long',
  'maillog.dsn': 'keyword',
  'maillog.helo': 'keyword',
  'maillog.input': 'text+keyword',
  'maillog.keywords': 'keyword',
  'maillog.kind': 'keyword',
  'maillog.list': 'keyword',
  'maillog.mechanism': 'keyword',
  'maillog.metric': 'keyword',
  'maillog.notification_queue_id': 'keyword',
  'maillog.orig_client.hostname': 'keyword',
  'maillog.orig_client.ip': 'keyword',
  'maillog.orig_client.port': 'long',
  'maillog.orig_id': 'keyword',
  'maillog.orig_queue_id': 'keyword',
  'maillog.proto': 'keyword',
  'maillog.protocol': 'keyword',
  'maillog.queued_as': 'keyword',
  'maillog.rank': 'long',
  'maillog.reason': 'text+keyword',
  'maillog.relay': 'keyword',
  'maillog.reply': 'keyword',
  'maillog.resent_message_id': 'keyword',
  'maillog.response': 'text+keyword',
  'maillog.retained': 'long',
  'maillog.sasl_method': 'keyword',
  'maillog.sasl_sender': 'keyword',
  'maillog.signal': 'long',
  'maillog.stage': 'keyword',
  'maillog.status': 'keyword',
  'maillog.subject': 'keyword',
  'maillog.test': 'keyword',
  'maillog.text': 'text+keyword',
  'maillog.tls': 'keyword',
  'maillog.trust': 'keyword',
  'maillog.value': 'keyword',
  'maillog.version': 'keyword',
  'maillog.workarounds': 'keyword',
  'maillog.queue': 'keyword',
  'maillog.file_line': 'long',
  'maillog.database': 'keyword',
  'maillog.dictionary_type': 'keyword',
  // Sendmail events
  'maillog.modes': 'keyword',
  'maillog.queue_interval': 'keyword',
  'maillog.relay_text': 'keyword',
  'maillog.dsn_queue_id': 'keyword',
  'maillog.clone_queue_id': 'keyword',
  'maillog.owner': 'keyword',
  'maillog.my_hostname': 'keyword',
  'maillog.flag': 'keyword',
  'maillog.delay_text': 'keyword',
  'maillog.ntries': 'long',
  'maillog.address': 'keyword',
  'maillog.user': 'keyword',
  'maillog.nrcpts': 'long',
  'maillog.msgid': 'keyword',
  'maillog.bodytype': 'keyword',
  'maillog.may_be_forged': 'boolean',
  'maillog.auth': 'keyword',
  'maillog.tls_verify': 'keyword',
  'maillog.tls_version': 'keyword',
  'maillog.milter': 'keyword',
  'maillog.reply_code': 'long',
  'maillog.reply_dsn': 'keyword',
  'maillog.reply_text': 'text+keyword',
  'maillog.quarantine': 'text+keyword',
  'maillog.ruleset': 'keyword',
  'maillog.arg1': 'keyword',
  'maillog.arg2': 'keyword',
  'maillog.during': 'keyword',
  'maillog.problem': 'text+keyword',
  'maillog.sender': 'keyword',
  'maillog.part': 'long',
  'maillog.more': 'boolean',
  'maillog.side': 'keyword',
  'maillog.verify': 'keyword',
  'maillog.authid': 'keyword',
  'maillog.mech': 'keyword',
  'maillog.xdelay': 'float',
  'maillog.xdelay_text': 'keyword',
  'maillog.mailer': 'keyword',
  'maillog.pri': 'long',
  'maillog.stat': 'text+keyword',
  'maillog.ctladdr.address': 'keyword',
  'maillog.ctladdr.uid': 'long',
  'maillog.ctladdr.gid': 'long',
  // Zimbra and amavis events
  'maillog.log_id': 'keyword',
  'maillog.verdict': 'keyword',
  'maillog.rescued_by': 'keyword',
  'maillog.bounce_type': 'keyword',
  'maillog.originating': 'boolean',
  'maillog.headers': 'text+keyword',
  'maillog.product': 'keyword',
  'maillog.warm': 'boolean',
  'maillog.extension': 'keyword',
  'maillog.found': 'boolean',
  'maillog.loaded': 'boolean',
  'maillog.paths': 'keyword',
  'maillog.tried': 'keyword',
  'maillog.tier': 'keyword',
  'maillog.scanner': 'keyword',
  'maillog.group': 'keyword',
  'maillog.tasks': 'long',
  'maillog.sessions': 'long',
  'maillog.waiting_for_client': 'boolean',
  'maillog.alert': 'keyword',
  'maillog.continued': 'boolean',
  'maillog.continues': 'boolean',
  'maillog.disposition': 'keyword',
  'maillog.category': 'keyword',
  'maillog.actions': 'keyword',
  'maillog.policy_banks': 'keyword',
  'maillog.local': 'keyword',
  'maillog.origin': 'keyword',
  'maillog.mail_id': 'keyword',
  'maillog.elapsed': 'float',
  'maillog.dkim_new': 'boolean',
  'maillog.hits': 'float',
  'maillog.dkim_signatures': 'keyword',
  'maillog.hits_max': 'float',
  'maillog.pt': 'keyword',
  'maillog.listen_ip': 'keyword',
  'maillog.listen_port': 'long',
  'maillog.temp_dir': 'keyword',
  'maillog.body': 'text+keyword',
  'maillog.received': 'keyword',
  'maillog.client_ip': 'keyword',
  'maillog.path': 'keyword',
  'maillog.content_type': 'keyword',
  'maillog.encoding': 'keyword',
  'maillog.digest': 'keyword',
  'maillog.name': 'keyword',
  'maillog.spam': 'boolean',
  'maillog.score': 'float',
  'maillog.tagged_above': 'float',
  'maillog.required': 'float',
  'maillog.tests': 'keyword',
  'maillog.autolearn': 'keyword',
  'maillog.parameters': 'keyword',
  'maillog.total': 'float',
  'maillog.cpu': 'float',
  'maillog.parent_mail_id': 'keyword',
  'maillog.level': 'keyword',
  'maillog.thread': 'keyword',
  'maillog.context.name': 'keyword',
  'maillog.context.ip': 'keyword',
  'maillog.context.oip': 'keyword',
  'maillog.context.ua': 'keyword',
  'maillog.context.cid': 'keyword',
  'maillog.account': 'keyword',
  'maillog.user_agent': 'keyword',
  'maillog.context.via': 'keyword',
  'maillog.context.mid': 'keyword',
  'maillog.command': 'keyword',
  'maillog.context.soapId': 'keyword',
  'maillog.batch': 'boolean',
  'maillog.proxy': 'keyword',
  'maillog.quota': 'long',
  'maillog.typed_name': 'keyword',
  'maillog.error': 'text+keyword',
  'maillog.context.port': 'long',
  'maillog.state': 'keyword',
  'maillog.admin': 'boolean',
  'maillog.actor': 'keyword',
  'maillog.attributes.name': 'stored',
  'maillog.attributes.zimbraCOSId': 'stored',
  'maillog.attributes.zimbraMailAlias': 'stored',
  'maillog.attributes.description': 'stored',
  'maillog.context.aname': 'keyword',
  'maillog.attributes.id': 'stored',
  'maillog.end_line': 'long',
  'maillog.exception.class': 'keyword',
  'maillog.exception.message': 'text+keyword',
  'maillog.exception.frames': 'stored',
  'maillog.exception.id': 'keyword',
  'maillog.exception.code': 'keyword',
  'maillog.exception.causedBy.class': 'keyword',
  'maillog.exception.causedBy.message': 'text+keyword',
  'maillog.exception.causedBy.frames': 'stored',
  'maillog.temporary': 'boolean',
  'maillog.recipient': 'keyword',
  'maillog.mailbox_id': 'long',
  'maillog.item_id': 'long',
  'maillog.folder_id': 'long',
  'maillog.folder_name': 'keyword',
  'maillog.account_id': 'keyword',
  'maillog.conversation_id': 'long',
  'maillog.phase': 'keyword',
  'maillog.warn_percent': 'long',
  'maillog.checked': 'keyword',
  'maillog.server_name': 'keyword',
  'maillog.running': 'boolean',
  'maillog.file': 'keyword',
  'maillog.columns': 'stored',
  'maillog.values': 'stored',
  'maillog.component': 'keyword',
  'maillog.request': 'keyword',
  'maillog.mailboxd_pid': 'long',
  'maillog.folder': 'keyword',
  'maillog.basis': 'keyword',
  'maillog.group_id': 'long',
  'maillog.ranking_elapsed': 'long',
  'maillog.folder_elapsed': 'long',
  'maillog.gal_elapsed': 'long',
  'maillog.servlet': 'keyword',
  'maillog.fallback': 'keyword',
  'maillog.data_source': 'keyword',
  'maillog.item_count': 'long',
  'maillog.depth': 'keyword',
  'maillog.http_status': 'long',
  'maillog.processed': 'long',
  'maillog.failed': 'long',
  'maillog.pending': 'long',
  'maillog.active': 'long',
  'maillog.accounts': 'long',
  'maillog.blocked': 'long',
  'maillog.timed_out': 'long',
  'maillog.requests': 'keyword',
  'maillog.requested_account_id': 'keyword',
  'maillog.auth_account': 'keyword',
  'maillog.auth_account_id': 'keyword',
  'maillog.home_server': 'keyword',
  'maillog.original_ip': 'ip',
  'maillog.proxy_ip': 'ip',
  'maillog.subfolders': 'boolean',
  'maillog.destination': 'keyword',
  'maillog.command_counts.command': 'keyword',
  'maillog.command_counts.count': 'long',
  'maillog.mailbox_size': 'long',
  'maillog.inbox_messages': 'long',
  'maillog.trash_messages': 'long',
  'maillog.bytes_read': 'long',
  'maillog.bytes_written': 'long',
  'maillog.duration': 'long',
  'maillog.item_type': 'keyword',
  'maillog.item_ids': 'keyword',
  'maillog.item.itemType': 'keyword',
  'maillog.item.id': 'keyword',
  'maillog.target.itemType': 'keyword',
  'maillog.target.name': 'keyword',
  'maillog.target.id': 'keyword',
  'maillog.message_ids': 'keyword',
  'maillog.item.name': 'keyword',
  'maillog.copy_id': 'long',
  'maillog.imap': 'boolean',
  'maillog.orig_msg_id': 'keyword',
  'maillog.reply_type': 'keyword',
  'maillog.source_folder': 'keyword',
  'maillog.destination_folder': 'keyword',
  'maillog.report_recipient': 'keyword',
  'maillog.context.ds': 'keyword',
  // ClamAV events
  'maillog.scan_target': 'keyword',
  'maillog.signature': 'keyword',
  'maillog.hash': 'keyword',
  'maillog.result': 'keyword',
  'maillog.directory': 'keyword',
  'maillog.signatures': 'long',
  'maillog.f_level': 'long',
  'maillog.builder': 'keyword',
  'maillog.custom': 'boolean',
  'maillog.mirror': 'keyword',
  'maillog.mirror_ip': 'keyword',
  // OpenDKIM events
  'maillog.header': 'keyword',
  'maillog.selector': 'keyword',
}

/** Options of {@link esIndexTemplate} and the policies. */
export interface EsTemplateOptions {
  /** Template and policy name (default `maillog`). */
  readonly name?: string
  /** Index patterns the template applies to (default `['maillog-*']`). */
  readonly indexPatterns?: readonly string[]
  /** Age after which an index is deleted, e.g. `90d` (default), `12h`. */
  readonly retention?: string
  /** OpenSearch: no `index.lifecycle.name` setting (ISM attaches by `ism_template`). */
  readonly opensearch?: boolean
}

const RETENTION = /^[1-9]\d*(?:d|h|m|s)$/

/**
 * Why a retention is not an age Elasticsearch and OpenSearch both accept, or `undefined`.
 *
 * @example
 * retentionProblem('3 months') //=> 'expected a number followed by d, h, m or s, such as 90d'
 */
export function retentionProblem(retention: string): string | undefined {
  return RETENTION.test(retention) ? undefined : 'expected a number followed by d, h, m or s, such as 90d'
}

function check(options: EsTemplateOptions): Required<EsTemplateOptions> {
  const retention = options.retention ?? '90d'
  const problem = retentionProblem(retention)
  if (problem) throw new Error(`retention: ${problem}, got "${retention}"`)
  return {
    name: options.name ?? 'maillog',
    indexPatterns: options.indexPatterns ?? ['maillog-*'],
    retention,
    opensearch: options.opensearch ?? false,
  }
}

function mapping(m: FieldMapping): Record<string, unknown> {
  switch (m) {
    case 'keyword':
      return { type: 'keyword', ignore_above: 1024 }
    case 'text+keyword':
      return { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } }
    case 'stored':
      return { type: 'keyword', index: false, doc_values: false }
    default:
      return { type: m }
  }
}

/** Index mapping properties, nested by field path. */
export type Properties = { [name: string]: { type?: string; properties?: Properties; [k: string]: unknown } }

/** Nests flat paths (`email.to.address`) into `properties` objects. */
function properties(fields: Readonly<Record<string, FieldMapping>>): Properties {
  const root: Properties = {}
  for (const path of Object.keys(fields).sort()) {
    const parts = path === '@timestamp' ? [path] : path.split('.')
    let level = root
    for (const part of parts.slice(0, -1)) {
      const node = (level[part] ??= { properties: {} })
      if (!node.properties) throw new Error(`field ${path}: ${part} is both a value and an object`)
      level = node.properties
    }
    level[parts[parts.length - 1]!] = mapping(fields[path]!)
  }
  return root
}

/**
 * The body of `PUT _index_template/<name>`: a composable index template with the mappings
 * of every field, and (Elasticsearch) the ILM policy attached.
 *
 * @example
 * esIndexTemplate().template.mappings.properties.email
 * //=> { properties: { delivery_timestamp: { type: 'date' }, direction: { type: 'keyword', ignore_above: 1024 }, … } }
 */
export function esIndexTemplate(options: EsTemplateOptions = {}) {
  const o = check(options)
  return {
    index_patterns: [...o.indexPatterns],
    priority: 200,
    template: {
      settings: o.opensearch ? {} : { 'index.lifecycle.name': o.name },
      mappings: {
        dynamic: false,
        _meta: { managed_by: 'maillog', ecs_version: ECS_VERSION },
        properties: properties({ ...ECS_FIELD_MAPPINGS, ...BEATS_FIELD_MAPPINGS, ...MAILLOG_FIELD_MAPPINGS }),
      },
    },
    _meta: {
      description: 'maillog transactions and events as ECS documents (maillog es-template)',
      managed_by: 'maillog',
    },
  }
}

/**
 * The body of `PUT _ilm/policy/<name>` (Elasticsearch): delete an index once it is older
 * than the retention.
 *
 * @example
 * ilmPolicy({ retention: '30d' }).policy.phases.delete //=> { min_age: '30d', actions: { delete: {} } }
 */
export function ilmPolicy(options: EsTemplateOptions = {}) {
  const o = check(options)
  return {
    policy: {
      _meta: { description: `delete maillog indices after ${o.retention}`, managed_by: 'maillog' },
      phases: {
        hot: { min_age: '0ms', actions: { set_priority: { priority: 100 } } },
        delete: { min_age: o.retention, actions: { delete: {} } },
      },
    },
  }
}

/**
 * The body of `PUT _plugins/_ism/policies/<name>` (OpenSearch): delete an index once it is
 * older than the retention; attached to new indices by `ism_template`.
 *
 * @example
 * ismPolicy().policy.states[0].transitions //=> [{ state_name: 'delete', conditions: { min_index_age: '90d' } }]
 */
export function ismPolicy(options: EsTemplateOptions = {}) {
  const o = check(options)
  return {
    policy: {
      description: `delete maillog indices after ${o.retention}`,
      default_state: 'hot',
      states: [
        {
          name: 'hot',
          actions: [],
          transitions: [{ state_name: 'delete', conditions: { min_index_age: o.retention } }],
        },
        { name: 'delete', actions: [{ delete: {} }], transitions: [] },
      ],
      ism_template: [{ index_patterns: [...o.indexPatterns], priority: 100 }],
    },
  }
}
