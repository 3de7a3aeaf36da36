import { useEffect, useState, type FC } from 'react';
import { Alert, PageSection, Skeleton, Title } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { consoleFetch } from './sdk';
import type { K8sObject } from '../src/domain/kube/meta';
import { toYaml } from '../src/domain/manifests/shared/toYaml';
import { YamlPreview } from '../src/components/YamlPreview';
import { parseGvk } from './gvk';

type Discovery = { resources?: { name: string; kind: string; namespaced: boolean }[] };

/**
 * Stands in for the console's resource details page (the plugin links NADs and other objects to
 * `/k8s/ns/<ns>/<group~version~Kind>/<name>` and `/k8s/cluster/<group~version~Kind>/<name>`): the object's YAML.
 * The API path is built from the discovery document and encoded segments, never from the URL text as is.
 */
export const ResourcePage: FC = () => {
  const { ns, gvk = '', name = '' } = useParams();
  const [obj, setObj] = useState<K8sObject>();
  const [error, setError] = useState<string>();
  const parsed = parseGvk(gvk);
  useEffect(() => {
    setObj(undefined);
    setError(undefined);
    if (!parsed) {
      setError(`Not a resource type: ${gvk}`);
      return;
    }
    const base = parsed.group
      ? `/api/kubernetes/apis/${parsed.group}/${parsed.version}`
      : `/api/kubernetes/api/${parsed.version}`;
    const load = async () => {
      const discovery = (await (await consoleFetch(base)).json()) as Discovery;
      const resource = discovery.resources?.find((r) => r.kind === parsed.kind && !r.name.includes('/'));
      if (!resource) throw new Error(`The cluster does not serve ${parsed.kind} (${gvk})`);
      const scope = resource.namespaced && ns ? `/namespaces/${encodeURIComponent(ns)}` : '';
      const res = await consoleFetch(`${base}${scope}/${resource.name}/${encodeURIComponent(name)}`);
      return (await res.json()) as K8sObject;
    };
    load().then(setObj, (e: Error) => setError(e.message));
    // parsed is derived from gvk
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ns, gvk, name]);
  const title = `${parsed?.kind ?? gvk} ${ns ? `${ns}/` : ''}${name}`;
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{title}</Title>
      </PageSection>
      <PageSection>
        {error && <Alert variant="danger" isInline title={`Could not load ${title}: ${error}`} />}
        {!obj && !error && <Skeleton screenreaderText="Loading" height="200px" />}
        {obj && <YamlPreview yaml={toYaml(obj)} filename={`${name}.yaml`} />}
      </PageSection>
    </>
  );
};
