import { renderToStaticMarkup } from "react-dom/server";
import { useForm } from "react-hook-form";
import { describe, expect, it } from "vitest";
import { columnLabel, DataTable } from "./data-table";
import { ChoiceGroupFrame } from "./form-kit";
import { SearchField, SearchForm } from "./search-form";
import { SelectableTable, useTableSelection } from "./selectable-table";

/* The shared UI pieces' markup: the names, scopes and ties that screen readers (and axe) rely on. */

/** The opening tag of the first element with this attribute, whatever the order React writes attributes in. */
function tagWith(html: string, attribute: string): string {
  const escaped = attribute.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return html.match(new RegExp(`<[a-z]+[^>]*\\s${escaped}[^>]*>`))?.[0] ?? "";
}

const children = [
  { id: "a", name: "Léa", age: 9 },
  { id: "b", name: "Hugo", age: 7 },
];

describe("DataTable", () => {
  it("names the table and its region, and scopes every header", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Enfants de la famille MARTIN"
        hiddenCaption
        rows={children}
        columns={[
          { header: "Enfant", rowHeader: true, cell: (child) => child.name },
          { header: "Âge", cell: (child, index) => `${child.age} ans (ligne ${index + 1})` },
        ]}
      />,
    );
    expect(html).toContain('<section class="table-wrap" aria-label="Enfants de la famille MARTIN" tabindex="0"'); // a named section is a region
    expect(html).toContain('<caption class="visually-hidden">Enfants de la famille MARTIN</caption>');
    expect(html).toContain('<th scope="col">Enfant</th><th scope="col">Âge</th>');
    expect(html).toContain(
      '<tr><th scope="row" data-label="Enfant">Léa</th><td data-label="Âge">9 ans (ligne 1)</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row" data-label="Enfant">Hugo</th><td data-label="Âge">7 ans (ligne 2)</td></tr>',
    );
  });

  it("names each value after its column, for the cards a phone shows", () => {
    const html = renderToStaticMarkup(
      <DataTable
        caption="Demandes"
        rows={children}
        columns={[
          { header: <span className="visually-hidden">Sélection</span>, cell: () => "☐" },
          { header: <abbr title="Référence">Réf.</abbr>, label: "Référence", cell: (child) => child.id },
        ]}
      />,
    );
    expect(html).toContain('<table class="data-table">');
    expect(html).toContain('<tr><td>☐</td><td data-label="Référence">a</td></tr>');
  });

  it("shows the caption and takes another region name when asked", () => {
    const html = renderToStaticMarkup(<DataTable label="Enfants" caption="Enfants (2)" rows={children} columns={[]} />);
    expect(html).toContain('aria-label="Enfants"');
    expect(html).toContain("<caption>Enfants (2)</caption>");
  });
});

function Inbox({ pending }: { pending: string[] }) {
  const form = useForm<{ ids: string[] }>({ defaultValues: { ids: [] } });
  const selection = useTableSelection({ form, name: "ids", ids: pending, state: null });
  return (
    <SelectableTable
      caption="Demandes"
      rows={children}
      selection={selection}
      selectAllLabel="Tout sélectionner"
      selectLabel={(child) => `Sélectionner ${child.name}`}
      columns={[{ header: "Enfant", cell: (child) => child.name }]}
    />
  );
}

describe("columnLabel", () => {
  it("takes the label, else a text header, else nothing", () => {
    expect(columnLabel({ header: "Statut" })).toBe("Statut");
    expect(columnLabel({ header: <span>Statut</span>, label: "État" })).toBe("État");
    expect(columnLabel({ header: "Statut", label: "" })).toBeUndefined();
    expect(columnLabel({ header: <span className="visually-hidden">Sélection</span> })).toBeUndefined();
    expect(columnLabel({ header: "  " })).toBeUndefined();
  });
});

describe("SelectableTable", () => {
  it("ticks only the selectable rows, each box named after its row", () => {
    const html = renderToStaticMarkup(<Inbox pending={["b"]} />);
    expect(tagWith(html, 'aria-label="Tout sélectionner"')).toContain('type="checkbox"');
    const box = tagWith(html, 'aria-label="Sélectionner Hugo"');
    expect(box).toContain('type="checkbox"');
    expect(box).toContain('name="ids"');
    expect(box).toContain('value="b"');
    expect(html).not.toContain("Sélectionner Léa");
  });

  it("disables select-all when no row may be ticked", () => {
    const html = renderToStaticMarkup(<Inbox pending={[]} />);
    expect(tagWith(html, 'aria-label="Tout sélectionner"')).toContain('disabled=""');
    expect(tagWith(renderToStaticMarkup(<Inbox pending={["a"]} />), 'aria-label="Tout sélectionner"')).not.toContain(
      "disabled",
    );
  });
});

describe("ChoiceGroupFrame", () => {
  it("ties the error to the group and marks a required one", () => {
    const html = renderToStaticMarkup(
      <ChoiceGroupFrame legend="Jours de la semaine" error="Choisissez au moins un jour." required>
        <input type="checkbox" name="weekdays" value="1" />
      </ChoiceGroupFrame>,
    );
    const describedBy = html.match(/<fieldset[^>]*aria-describedby="([^"]+)"/)?.[1];
    expect(describedBy).toBeTruthy();
    expect(html).toContain(`<p class="field__error" id="${describedBy}">Choisissez au moins un jour.</p>`);
    expect(html).toContain('<legend>Jours de la semaine<span aria-hidden="true"> *</span></legend>');
    expect(html).toContain("field--error");
  });

  it("has no error paragraph nor description without an error", () => {
    const html = renderToStaticMarkup(<ChoiceGroupFrame legend="Pratiques alimentaires">{null}</ChoiceGroupFrame>);
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain("field__error");
    expect(html).toContain("<legend>Pratiques alimentaires</legend>");
  });
});

describe("SearchForm", () => {
  it("is a named search landmark sent by GET, its hint tied to the search box", () => {
    const html = renderToStaticMarkup(
      <SearchForm label="Rechercher une famille" submitLabel="Rechercher" secondary>
        <SearchField id="recherche" label="Famille" hint="Nom ou code abonné." defaultValue="martin" />
      </SearchForm>,
    );
    const form = tagWith(html, 'aria-label="Rechercher une famille"');
    expect(form).toMatch(/^<form /);
    expect(form).toContain('role="search"');
    expect(form).toContain('method="get"');
    expect(html).toContain('<p class="field__hint" id="recherche-aide">Nom ou code abonné.</p>');
    const input = tagWith(html, 'id="recherche"');
    expect(input).toContain('type="search"');
    expect(input).toContain('name="q"');
    expect(input).toContain('aria-describedby="recherche-aide"');
    expect(html).toContain('<label for="recherche">Famille</label>');
    expect(html).toContain('class="button button--secondary">Rechercher</button>');
  });
});
