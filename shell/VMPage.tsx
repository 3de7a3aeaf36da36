import { useEffect, useState, type FC } from 'react';
import { Alert, PageSection, Skeleton, Title } from '@patternfly/react-core';
import { useParams } from 'react-router';
import { consoleFetch } from './sdk';
import type { K8sObject } from '../src/domain/kube/meta';
import VMInterfacesTab from '../src/views/vm-interfaces/VMInterfacesTab';

/**
 * Stands in for the console's VirtualMachine details page: the console passes the VM as `obj` to a
 * horizontalNav tab, so the shell does the same.
 */
export const VMPage: FC = () => {
  const { ns = '', name = '' } = useParams();
  const [vm, setVM] = useState<K8sObject>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    setVM(undefined);
    setError(undefined);
    consoleFetch(`/api/kubernetes/apis/kubevirt.io/v1/namespaces/${ns}/virtualmachines/${name}`)
      .then((r) => r.json() as Promise<K8sObject>)
      .then(setVM, (e: Error) => setError(e.message));
  }, [ns, name]);
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">
          VirtualMachine {ns}/{name}
        </Title>
      </PageSection>
      {error && <Alert variant="danger" isInline title={`Could not load the VM: ${error}`} />}
      {!vm && !error && <Skeleton screenreaderText="Loading VM" />}
      {vm ? <VMInterfacesTab obj={vm} /> : null}
    </>
  );
};
