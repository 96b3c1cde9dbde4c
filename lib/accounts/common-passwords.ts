import "server-only";

export const COMMON_PASSWORD_MESSAGE = "Ce mot de passe est trop courant, choisissez-en un autre.";

// ~49,000 leaked passwords shipped with zxcvbn-ts; decompressed on first use only, then kept for the process.
let commonPasswords: Promise<Set<string>> | undefined;

function loadCommonPasswords(): Promise<Set<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set(dictionary["passwords-common"].map((password) => password.toLowerCase())),
  );
  return commonPasswords;
}

/** True when the password is in the common-passwords list, ignoring case ("Password1" is "password1"). */
export async function isCommonPassword(password: string): Promise<boolean> {
  return (await loadCommonPasswords()).has(password.toLowerCase());
}
