"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { Link } from "@/components/ui/link";

export type NavItem = { href: string; label: string };

/** The guides' menus; collapses behind a "Menu" button on narrow screens. */
export function MainNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const current = (href: string, index: number) =>
    index === 0 ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav className="main-nav" aria-label="Menu principal">
      <div className="container">
        <button
          type="button"
          className="main-nav__toggle"
          aria-expanded={open}
          aria-controls="main-nav-list"
          onClick={() => setOpen((v) => !v)}
        >
          Menu
        </button>
        <ul id="main-nav-list" className={`main-nav__list${open ? " main-nav__list--open" : ""}`}>
          {items.map((item, index) => (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current(item.href, index) ? "page" : undefined}
                onClick={() => setOpen(false)}
              >
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
}
