/**
 * `maillog es-template`: prints the Elasticsearch/OpenSearch index template and retention
 * policy for the ECS documents of `trace --format es-bulk|ecs` and `parse --format ecs`.
 *
 * @module
 */

import { esIndexTemplate, ilmPolicy, ismPolicy, retentionProblem } from '../output/es-template.js'
import { parseCommandArgs, UsageError } from './usage.js'

const HELP = `usage: maillog es-template [options]

Prints, as JSON, a composable index template with a mapping for every field maillog's ECS
documents can hold, and a policy that deletes indices older than the retention:
  { "index_template": …, "ilm_policy": … }     (Elasticsearch)
  { "index_template": …, "ism_policy": … }     (OpenSearch, --opensearch)

options:
  --name N              template and policy name (default maillog)
  --pattern P           index pattern the template applies to (default maillog-*); repeatable
  --retention AGE       delete indices older than AGE: 90d (default), 12h …; counts from index
                        creation, so use a dated index name (trace --index 'maillog-%Y.%m.%d')
  --opensearch          OpenSearch: an ISM policy, attached by its ism_template
  --part template|policy  print only that body, ready for curl
  -h, --help            this text

examples (docs/elasticsearch.md):
  maillog es-template --part policy | curl -s -H 'Content-Type: application/json' \\
    -XPUT localhost:9200/_ilm/policy/maillog --data-binary @-
  maillog es-template --part template | curl -s -H 'Content-Type: application/json' \\
    -XPUT localhost:9200/_index_template/maillog --data-binary @-
`

/** Runs `maillog es-template`; resolves to the exit code. */
export async function runEsTemplate(args: readonly string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      pattern: { type: 'string', multiple: true },
      retention: { type: 'string' },
      opensearch: { type: 'boolean' },
      part: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help) {
    process.stdout.write(HELP)
    return 0
  }
  if (positionals.length > 0) throw new UsageError(`es-template: unexpected argument "${positionals[0]}"`)
  const name = values.name ?? 'maillog'
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name))
    throw new UsageError(`--name: expected lowercase letters, digits, ".", "_" or "-", got "${name}"`)
  const retention = values.retention ?? '90d'
  const problem = retentionProblem(retention)
  if (problem) throw new UsageError(`--retention: ${problem}, got "${retention}"`)
  const part = values.part
  if (part !== undefined && part !== 'template' && part !== 'policy')
    throw new UsageError(`--part: expected template or policy, got "${part}"`)
  const options = { name, retention, indexPatterns: values.pattern, opensearch: values.opensearch === true }
  const template = esIndexTemplate(options)
  const policy = options.opensearch ? ismPolicy(options) : ilmPolicy(options)
  const body =
    part === 'template'
      ? template
      : part === 'policy'
        ? policy
        : { index_template: template, [options.opensearch ? 'ism_policy' : 'ilm_policy']: policy }
  process.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
  return 0
}
