/** What a platform operator gives to onboard a municipality (npm run municipality -- create). */
export interface NewMunicipality {
  /** Kommunenummer: four digits, unique on the installation. */
  number: string;
  name: string;
  /** The first municipality admin, invited by e-mail to choose a password. */
  adminEmail: string;
  /** The admin's name as the invitation greets them; a placeholder until they are named. */
  adminName?: string;
}

export interface Onboarded {
  municipalityId: number;
  adminUserId: string;
  /** False when the mail server refused: the admin can still ask for a link at «Glemt passord». */
  invitationSent: boolean;
}

export interface MunicipalityListed {
  number: string;
  name: string;
  isDemo: boolean;
  users: number;
  createdAt: Date;
}
