import type { FC } from 'react';
import {
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  NavList,
  Page,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  Title,
  Toolbar,
  ToolbarContent,
  ToolbarItem,
} from '@patternfly/react-core';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import VMNetworksPage from '../src/views/vm-interfaces/VMNetworksPage';
import TopologyPage from '../src/views/topology/TopologyPage';
import CreateNetworkPage from '../src/views/wizards/CreateNetworkPage';
import NodeNetworkStatePage from '../src/views/host-networks/NodeNetworkStatePage';
import PolicyRolloutPage from '../src/views/host-networks/PolicyRolloutPage';
import MigrationNetworkPage from '../src/views/host-networks/MigrationNetworkPage';
import { UserSwitcher } from './UserSwitcher';
import { VMPage } from './VMPage';
import { ResourcePage } from './ResourcePage';

/** The shell's navigation mirrors the console's: same paths as console-extensions.json. */
const NAV = [
  {
    to: '/vm-networks/all-namespaces',
    label: 'VM networks',
    match: /^\/(vm-networks\/(all-namespaces|ns\/)|k8s\/)/,
  },
  { to: '/vm-network-topology/all-namespaces', label: 'Network topology', match: /^\/vm-network-topology\// },
  { to: '/vm-networks/create', label: 'Create network', match: /^\/vm-networks\/create$/ },
  {
    to: '/vm-host-networks/node-state',
    label: 'Node network state',
    match: /^\/vm-host-networks\/node-state$/,
  },
  { to: '/vm-host-networks/policies', label: 'NNCP rollout', match: /^\/vm-host-networks\/policies$/ },
  {
    to: '/vm-host-networks/migration',
    label: 'Live-migration network',
    match: /^\/vm-host-networks\/migration$/,
  },
];

const ShellMasthead: FC = () => (
  <Masthead>
    <MastheadMain>
      {/* Below PatternFly's xl breakpoint the managed sidebar starts closed: this toggle opens it. */}
      <MastheadToggle>
        <PageToggleButton isHamburgerButton aria-label="Navigation" data-test="nav-toggle" />
      </MastheadToggle>
      <MastheadBrand>
        <MastheadLogo href="/">
          <Title headingLevel="h4" className="vm-network-shell__brand">
            VM networking · standalone shell
          </Title>
        </MastheadLogo>
      </MastheadBrand>
    </MastheadMain>
    <MastheadContent>
      <Toolbar isFullHeight>
        <ToolbarContent>
          <ToolbarItem align={{ default: 'alignEnd' }}>
            <UserSwitcher />
          </ToolbarItem>
        </ToolbarContent>
      </Toolbar>
    </MastheadContent>
  </Masthead>
);

const ShellNav: FC = () => {
  const { pathname } = useLocation();
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="Shell navigation">
          <NavList>
            {NAV.map((item) => (
              <NavItem key={item.to} isActive={item.match.test(pathname)}>
                <Link to={item.to}>{item.label}</Link>
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
};

export const App: FC = () => (
  <Page masthead={<ShellMasthead />} sidebar={<ShellNav />} isManagedSidebar>
    <Routes>
      <Route path="/" element={<Navigate to="/vm-networks/all-namespaces" replace />} />
      <Route path="/vm-networks/create" element={<CreateNetworkPage />} />
      <Route path="/vm-host-networks/node-state" element={<NodeNetworkStatePage />} />
      <Route path="/vm-host-networks/policies" element={<PolicyRolloutPage />} />
      <Route path="/vm-host-networks/migration" element={<MigrationNetworkPage />} />
      <Route path="/vm-networks/all-namespaces" element={<VMNetworksPage />} />
      <Route path="/vm-networks/ns/:ns" element={<VMNetworksPage />} />
      <Route path="/vm-network-topology/all-namespaces" element={<TopologyPage />} />
      <Route path="/vm-network-topology/ns/:ns" element={<TopologyPage />} />
      <Route path="/k8s/ns/:ns/kubevirt.io~v1~VirtualMachine/:name/*" element={<VMPage />} />
      {/* Any other object the plugin links to: its YAML (the console would show its details page). */}
      <Route path="/k8s/ns/:ns/:gvk/:name/*" element={<ResourcePage />} />
      <Route path="/k8s/cluster/:gvk/:name/*" element={<ResourcePage />} />
    </Routes>
  </Page>
);
