import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import type { ComponentPropsWithRef } from 'react';

// Mantine looks, router navigation: these render real <a href> elements, so links open in new tabs and
// read as links to assistive technology.

type AnchorBaseProps = Omit<AnchorProps, 'href'> & ComponentPropsWithRef<'a'>;
function AnchorBase(props: AnchorBaseProps) {
  return <Anchor {...props} />;
}
const CreatedAnchorLink = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchorLink {...props} />;

type ButtonBaseProps = ButtonProps & ComponentPropsWithRef<'a'>;
function ButtonBase(props: ButtonBaseProps) {
  return <Button component="a" {...props} />;
}
const CreatedButtonLink = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButtonLink {...props} />;

type NavLinkBaseProps = NavLinkProps & ComponentPropsWithRef<'a'>;
function NavLinkBase(props: NavLinkBaseProps) {
  return <NavLink component="a" {...props} />;
}
const CreatedNavLink = createLink(NavLinkBase);
export const RouterNavLink: LinkComponent<typeof NavLinkBase> = (props) => <CreatedNavLink {...props} />;
