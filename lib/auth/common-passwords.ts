/**
 * A small bundled list of breached/common passwords (lower-case). The policy also rejects these
 * words followed only by digits or symbols ("password2024!"), which is how most of them reach
 * 12 characters. Offline on purpose: the build machines and air-gapped installs have no
 * breach API to ask.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456123456', '111111111111', '000000000000',
  '123123123123', '121212121212', '147258369147', '987654321098', '1q2w3e4r5t6y', '1qaz2wsx3edc',
  'qwertyuiop', 'qwertyuiopas', 'qwertyuiop123', 'qwerty123456', 'asdfghjkl123', 'asdfghjklqwe',
  'zxcvbnm12345', 'qazwsxedcrfv', 'q1w2e3r4t5y6', 'passw0rd1234', 'p@ssw0rd1234', 'p@ssword1234',
  'password', 'password1', 'passwordpassword', 'iloveyou', 'iloveyouiloveyou', 'letmein', 'welcome',
  'welcome123', 'welcometo', 'monkey', 'dragon', 'football', 'baseball', 'basketball', 'soccer',
  'superman', 'batman', 'trustno1', 'sunshine', 'princess', 'starwars', 'whatever', 'shadow',
  'master', 'michael', 'jennifer', 'jordan', 'hunter', 'charlie', 'jessica', 'ashley', 'thomas',
  'pokemon', 'freedom', 'computer', 'internet', 'secret', 'administrator', 'admin', 'adminadmin',
  'changeme', 'changemenow', 'default', 'guest', 'login', 'letmeinnow', 'opensesame', 'abc123',
  'abcdefghijkl', 'abcdefghijklm', 'abcd1234abcd', 'aaaaaaaaaaaa', 'mypassword', 'mypassword123',
  'newpassword', 'temppassword', 'summer', 'winter', 'spring', 'autumn', 'january', 'december',
  'hello', 'helloworld', 'loveyou', 'lovely', 'flower', 'butterfly', 'chocolate', 'cookie',
  'qwerty', 'qwertyqwerty', 'asdfasdfasdf', 'zaq12wsxcde3', 'mustang', 'harley', 'ranger',
  'buster', 'tigger', 'soccer123', 'hockey', 'killer', 'george', 'andrew', 'matthew', 'daniel',
  'healthcare', 'hospital', 'doctor', 'nurse', 'patient', 'clinic', 'medical', 'telehealth',
  'periodic', 'periodicperiodic', 'correcthorsebatterystaple', 'passwordpassword1', 'whatever123',
]);
