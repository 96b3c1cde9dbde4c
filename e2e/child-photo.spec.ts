import { deflateSync } from "node:zlib";
import { expect, expectAccessible, test } from "./fixtures";

/** A real 64×48 PNG (so the server's decoding check passes), built without any image library. */
function pngImage(width = 64, height = 48): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.concat(
    Array.from({ length: height }, (_, y) => Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, y * 5)])),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test.use({ signedInAs: "own family" });

test("a family adds a child's photo; a file that is not an image is refused at the field", async ({
  page,
  own,
  openPage,
}) => {
  await page.goto("/demo/espace-famille/dossier");
  await page.getByRole("link", { name: `Hugo ${own.martin.name}` }).click();

  const photoInput = page.getByLabel("Photo de l'enfant");
  await photoInput.setInputFiles({
    name: "pas-une-image.png",
    mimeType: "image/png",
    buffer: Buffer.from("bonjour, je suis un texte"),
  });
  await page.getByRole("button", { name: /(Ajouter|Remplacer) la photo/ }).click();
  await expect(page.getByText("Le fichier choisi n'est pas une image JPEG, PNG ou WebP.")).toBeVisible();

  await photoInput.setInputFiles({ name: "hugo.png", mimeType: "image/png", buffer: pngImage() });
  await page.getByRole("button", { name: /(Ajouter|Remplacer) la photo/ }).click();
  await expect(page.getByText("La photo de Hugo a été enregistrée.")).toBeVisible();
  const photo = page.getByRole("img", { name: "Hugo" });
  await expect(photo).toBeVisible();
  // The stored image is the re-encoded upload, loaded through the protected route.
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(64);
  await expectAccessible(page);

  // Served only to the family and the commune's agents: a visitor is sent to Connexion, never given the image.
  const src = new URL((await photo.getAttribute("src"))!, page.url()).toString();
  const anonymous = await openPage();
  const response = await anonymous.request.get(src, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toContain("/demo/connexion");
});
