import { randomInt } from "node:crypto";

/** No 0/O, 1/I/L, so a code read over the phone or copied from paper is not misread. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const SUBSCRIBER_CODE_LENGTH = 10;

/** A new code abonné: 10 characters from 31, about 49 bits, guessed only by brute force that rate limits stop. */
export function generateSubscriberCode(): string {
  return Array.from({ length: SUBSCRIBER_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** What a person types ("mrt7 k2q9-wx") compared as the town prints it ("MRT7K2Q9WX"). */
export function normalizeSubscriberCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, "");
}
